package org.petitionpipeline.email.mail;

import java.time.Duration;
import java.util.regex.Pattern;

/** How every sender treats a message the SMTP server did not take: when to try again, when to give up. */
public final class SmtpRetries {

    public static final int MAX_ATTEMPTS = 10;

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    // SMTP replies quote the recipient: never let an address into a log line or a table
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"'@]+");

    private SmtpRetries() {
    }

    /** 30 s, 1 min, 2 min, … at most an hour. */
    public static Duration backoff(int failedAttempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 16));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** The failure's message with every address in it replaced. */
    public static String withoutAddresses(RuntimeException smtpFailure) {
        return ADDRESS.matcher(String.valueOf(smtpFailure.getMessage())).replaceAll("<address>");
    }
}
