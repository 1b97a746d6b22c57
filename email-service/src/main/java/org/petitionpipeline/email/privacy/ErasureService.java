package org.petitionpipeline.email.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.contracts.topics.TopicDefinition;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.MailQueue;
import org.petitionpipeline.kit.people.PersonHashes;

/**
 * Takes erasure requests: from a person (an address typed on the privacy page, then the link mailed to it), or from
 * ops on a person's behalf. Either way the request is recorded, then relayed to {@code people.erasures}, which every
 * service that holds personal data consumes.
 */
@ApplicationScoped
public class ErasureService {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final ErasureRequests requests;
    private final ErasureRelay relay;
    private final MailQueue mailQueue;
    private final PersonHashes people;
    /** Who must report before an erasure is complete: every consumer of people.erasures, from the catalogue. */
    private final Set<String> services;

    public ErasureService(ErasureRequests requests, ErasureRelay relay, MailQueue mailQueue, PersonHashes people) {
        this.requests = requests;
        this.relay = relay;
        this.mailQueue = mailQueue;
        this.people = people;
        this.services = TopicCatalogue.find(Topics.PEOPLE_ERASURES).map(TopicDefinition::consumers).orElseThrow()
                .stream().map(consumer -> consumer.service().module()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Mails the confirmation link to the address, whether or not we know it: the page says the same either way, and
     * only whoever reads that mailbox learns more. At most one such mail per person and hour.
     *
     * @param canonicalAddress an address {@link org.petitionpipeline.email.mail.MailAddresses} accepted
     */
    public void mailConfirmationLink(String canonicalAddress) {
        String emailHash = people.ofCanonical(canonicalAddress);
        mailQueue.enqueueAddressed(MailKind.ERASURE_CONFIRMATION, List.of(new MailQueue.AddressedMail(emailHash,
                HOUR.format(Instant.now()), canonicalAddress, null, null)));
    }

    /**
     * The person confirmed with the mailed link. The erasure's id comes from the link, so confirming twice (a double
     * click, a second tab) is one erasure.
     */
    public UUID confirmBySigner(String emailHash, String token) {
        UUID erasureId = UUID.nameUUIDFromBytes(("erasure:" + token).getBytes(StandardCharsets.UTF_8));
        take(new ErasureRequests.Request(erasureId, emailHash, ErasureChannel.SIGNER, null, null, now(), null));
        return erasureId;
    }

    /** Ops file a request received by letter, phone or otherwise, recorded with who filed it. */
    public ErasureStatus fileForPerson(String canonicalAddress, ErasureChannel channel, String filedBy,
            String reference) {
        ErasureRequests.Request request = new ErasureRequests.Request(UUID.randomUUID(),
                people.ofCanonical(canonicalAddress), channel, filedBy, reference, now(), null);
        take(request);
        return status(request.erasureId()).orElseThrow();
    }

    public Optional<ErasureStatus> status(UUID erasureId) {
        return requests.find(erasureId).map(request -> ErasureStatus.of(request, requests.progress(erasureId), services));
    }

    public List<ErasureStatus> recent(int limit) {
        return requests.recent(limit).stream()
                .map(request -> ErasureStatus.of(request, requests.progress(request.erasureId()), services)).toList();
    }

    private void take(ErasureRequests.Request request) {
        requests.record(request);
        relay.relayNow();
    }

    /** Microseconds, as PostgreSQL keeps them: the time read back is the time announced. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
