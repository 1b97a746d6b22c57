package org.petitionpipeline.reporting.petitions;

import org.petitionpipeline.kit.http.ProblemException;

/** The 404 of every endpoint that names a petition by its slug. */
public final class NoSuchPetition {

    private NoSuchPetition() {
    }

    public static ProblemException named(String slug) {
        return ProblemException.notFound("there is no petition '" + slug + "'");
    }
}
