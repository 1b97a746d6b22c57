package org.petitionpipeline.kit.people;

import java.util.Map;
import org.petitionpipeline.kit.config.PipelineConfig;

/**
 * The mailbox an address reaches, which is what makes a person: at Gmail {@code Jane.Doe+news@googlemail.com}
 * and {@code janedoe@gmail.com} are one inbox, so one signature. Only the providers configured are touched;
 * elsewhere a dot or a plus may well be part of a different mailbox.
 */
public final class MailboxRules {

    private final Map<String, PipelineConfig.MailboxProvider> providers;

    public MailboxRules(Map<String, PipelineConfig.MailboxProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    /** @param canonicalEmail an address already canonical (lower case, IDN in ASCII) */
    public String mailboxOf(String canonicalEmail) {
        int at = canonicalEmail.lastIndexOf('@');
        String local = canonicalEmail.substring(0, at);
        String domain = canonicalEmail.substring(at + 1);
        PipelineConfig.MailboxProvider provider = providers.get(domain);
        if (provider == null) {
            return canonicalEmail;
        }
        if (provider.stripPlusTag() && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (provider.ignoreDots()) {
            local = local.replace(".", "");
        }
        return local + '@' + provider.sameAs().orElse(domain);
    }
}
