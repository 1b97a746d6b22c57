package org.petitionpipeline.contracts;

public enum PetitionStatus {
    OPEN,
    CLOSED
}
