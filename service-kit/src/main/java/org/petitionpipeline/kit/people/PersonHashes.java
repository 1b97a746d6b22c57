package org.petitionpipeline.kit.people;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.petitionpipeline.contracts.CanonicalEmail;
import org.petitionpipeline.contracts.EmailHasher;
import org.petitionpipeline.kit.config.PipelineConfig;

/**
 * The hash that names a person everywhere after dedup: the keyed hash of the mailbox an address reaches. Dedup
 * keys signatures by it; the privacy pages find a person by it from the address they type, whichever spelling of
 * their mailbox they signed with.
 */
@ApplicationScoped
public class PersonHashes {

    private final MailboxRules mailboxes;
    private final EmailHasher hasher;

    public PersonHashes(PipelineConfig config) {
        this.mailboxes = new MailboxRules(config.mailboxProviders());
        this.hasher = new EmailHasher(config.emailHashKey());
    }

    /** @param canonicalEmail an address already canonical (see {@link CanonicalEmail}) */
    public String ofCanonical(String canonicalEmail) {
        return hasher.hash(mailboxes.mailboxOf(canonicalEmail));
    }

    /** The person's hash, or empty when the text is no address at all. */
    public Optional<String> of(String address) {
        return CanonicalEmail.of(address).map(this::ofCanonical);
    }
}
