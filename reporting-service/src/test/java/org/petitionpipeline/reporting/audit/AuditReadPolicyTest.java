package org.petitionpipeline.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.audit.AuditReadPolicy.Verdict;

class AuditReadPolicyTest {

    private static final Caller OPERATOR = new Caller(UUID.randomUUID(), "ops@platform.example", true, Map.of());
    private static final Caller MEMBER = new Caller(UUID.randomUUID(), "sam@acme.example", false,
            Map.of("acme", OrgRole.OWNER, "elm-street", OrgRole.EDITOR, "library", OrgRole.VIEWER));

    private static Verdict judge(Caller caller, String organization) {
        return AuditReadPolicy.judge(caller, AuditQuery.of(organization, null, null));
    }

    @Test
    void aPlatformOperatorReadsTheWholeLogOrAnyOrganizationsPart() {
        assertThat(judge(OPERATOR, null)).isEqualTo(Verdict.ALLOWED);
        assertThat(judge(OPERATOR, "acme")).isEqualTo(Verdict.ALLOWED);
        assertThat(judge(OPERATOR, "nobody-belongs-here")).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void anOwnerReadsTheirOrganizationOnly() {
        assertThat(judge(MEMBER, "acme")).isEqualTo(Verdict.ALLOWED);
        assertThat(judge(MEMBER, " acme ")).isEqualTo(Verdict.ALLOWED);
        assertThat(judge(MEMBER, "elm-street")).isEqualTo(Verdict.NOT_AN_OWNER);
        assertThat(judge(MEMBER, "library")).isEqualTo(Verdict.NOT_AN_OWNER);
        assertThat(judge(MEMBER, "other")).isEqualTo(Verdict.NOT_A_MEMBER);
    }

    @Test
    void anyoneButAnOperatorMustNameAnOrganization() {
        assertThat(judge(MEMBER, null)).isEqualTo(Verdict.ORGANIZATION_REQUIRED);
        assertThat(judge(MEMBER, "  ")).isEqualTo(Verdict.ORGANIZATION_REQUIRED);
        Caller legacyToken = new Caller(null, "REPORTING_ADMIN_TOKEN", false, Map.of());
        assertThat(judge(legacyToken, null)).isEqualTo(Verdict.ORGANIZATION_REQUIRED);
    }

    @Test
    void pagingDefaultsToTheNewestHundred() {
        assertThat(AuditQuery.of(null, null, null)).isEqualTo(new AuditQuery(null, null, 100));
        assertThat(AuditQuery.of("acme", "41", "500")).isEqualTo(new AuditQuery("acme", 41L, 500));
        assertThat(AuditQuery.of("acme", null, "1").limit()).isEqualTo(1);
    }

    @Test
    void aMalformedLimitOrBeforeIsA422NamingTheParameter() {
        for (String limit : new String[] {"0", "501", "-3", "ten", "", "1.5", "99999999999"}) {
            assertThat(problem(() -> AuditQuery.of(null, null, limit)).errors()).containsOnlyKeys("limit");
        }
        for (String before : new String[] {"0", "-1", "abc", "", "9223372036854775808"}) {
            assertThat(problem(() -> AuditQuery.of(null, before, null)).errors()).containsOnlyKeys("before");
        }
        assertThat(problem(() -> AuditQuery.of(null, null, "0")).errors().get("limit"))
                .isEqualTo("must be a whole number from 1 to 500 (default 100)");
    }

    private static Problem problem(Runnable parse) {
        ProblemException thrown = catchThrowableOfType(ProblemException.class, parse::run);
        assertThat(thrown).isNotNull();
        assertThat(thrown.getResponse().getStatus()).isEqualTo(422);
        return (Problem) thrown.getResponse().getEntity();
    }
}
