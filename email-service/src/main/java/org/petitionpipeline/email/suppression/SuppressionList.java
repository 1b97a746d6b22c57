package org.petitionpipeline.email.suppression;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.mail.MailKind;

/**
 * The global suppression list: everyone whose status is unsubscribed, bouncing or spam complaint. A person
 * has one status across all petitions, so an unsubscribe from any mail suppresses them everywhere (for
 * transactional mail, only a bounce or a complaint does). Read when a message is claimed for sending,
 * never trusted from when it was queued.
 */
public final class SuppressionList {

    static final Set<SubscriptionStatus> SUPPRESSED = EnumSet.of(SubscriptionStatus.UNSUBSCRIBED,
            SubscriptionStatus.BOUNCING, SubscriptionStatus.SPAM_COMPLAINT);

    /** Addresses nothing may go to: they bounce, or their owner called our mail spam. */
    private static final Set<SubscriptionStatus> UNDELIVERABLE = EnumSet.of(SubscriptionStatus.BOUNCING,
            SubscriptionStatus.SPAM_COMPLAINT);

    /*
     * Weakest first. A change never replaces a stronger status: an unsubscribe must not turn a bouncing
     * address back into one a later opt-in could re-subscribe, and a bounce must not hide a complaint.
     */
    private static final List<SubscriptionStatus> WEAKEST_FIRST = List.of(SubscriptionStatus.SUBSCRIBED,
            SubscriptionStatus.UNSUBSCRIBED, SubscriptionStatus.BOUNCING, SubscriptionStatus.SPAM_COMPLAINT);

    private SuppressionList() {
    }

    /**
     * Whether mail of this kind must not go to someone in this status. An unsubscribe stops campaign mail, not
     * the receipt of what the person has just signed; a bounce or a complaint stops everything.
     */
    public static boolean suppresses(Optional<SubscriptionStatus> status, MailKind kind) {
        return status.filter(kind.isTransactional() ? UNDELIVERABLE::contains : SUPPRESSED::contains).isPresent();
    }

    /** The statuses a change to {@code status} may replace. */
    public static List<SubscriptionStatus> weakerThan(SubscriptionStatus status) {
        return WEAKEST_FIRST.subList(0, WEAKEST_FIRST.indexOf(status));
    }
}
