package org.petitionpipeline.reporting.rest;

import org.petitionpipeline.kit.http.ProblemException;

/** The 404 of every endpoint that names a petition by its slug. */
final class NoSuchPetition {

    private NoSuchPetition() {
    }

    static ProblemException named(String slug) {
        return ProblemException.notFound("there is no petition '" + slug + "'");
    }
}
