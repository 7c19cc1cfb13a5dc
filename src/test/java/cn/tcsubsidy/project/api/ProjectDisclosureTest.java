package cn.tcsubsidy.project.api;

import static cn.tcsubsidy.project.api.ProjectScopeTest.event;
import static cn.tcsubsidy.project.api.ProjectScopeTest.expert;
import static cn.tcsubsidy.project.api.ProjectScopeTest.project;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.payment.domain.Payee;
import cn.tcsubsidy.payment.domain.PayeeAccount;
import cn.tcsubsidy.payment.domain.PayeeStatus;
import cn.tcsubsidy.payment.domain.PayeeType;
import cn.tcsubsidy.project.api.ProjectDisclosure.FullView;
import cn.tcsubsidy.project.api.ProjectDisclosure.ProjectView;
import cn.tcsubsidy.project.domain.Project;
import cn.tcsubsidy.project.domain.ProjectEvent;
import cn.tcsubsidy.project.domain.Stage;
import cn.tcsubsidy.shared.Actor;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectDisclosureTest {

    /** As application.yml configures the app's mapper: nulls left out. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static final String OTHER_OPINION = "技术先进,投资真实,效益明显";
    static final String OWN_OPINION = "方案可行,建议支持";
    static final String VOUCHER = "JIYUAN-2022-001";
    static final String RECOVERY_VOUCHER = "JY-HJ-2024-007";

    /** A project reviewed by two experts and run to the end, clawback included. */
    static final Project PROJECT = project("jiyuan", "huling", "jiyuan-ent-1", Stage.CLOSED, new BigDecimal("85.75"),
            "专家评审未通过(得分 60):" + OTHER_OPINION);
    static final List<ProjectEvent> HISTORY = List.of(
            event(Stage.IN_PROGRESS, "FILED", "jiyuan-ent-1", "企业备案"),
            event(Stage.COMPLETED, "COMPLETION_REPORTED", "jiyuan-ent-1", "竣工,实际总投资 25,000,000.00 元"),
            event(Stage.RECOMMENDATION, "RECOMMENDED", "jiyuan-town-huling", "同意推荐"),
            event(Stage.EXPERT_REVIEW, "REVIEW_PASSED", "jiyuan-expert-1", "专家评审通过,得分 91.5:" + OTHER_OPINION),
            event(Stage.EXPERT_REVIEW, "REVIEW_PASSED", "jiyuan-expert-2", "专家评审通过,得分 80:" + OWN_OPINION),
            event(Stage.AWARD_DECISION, "REVIEW_CLOSED", Actor.SYSTEM, "评审汇总完成,平均得分 85.75"),
            event(Stage.AWARD_DECISION, "BUDGET_RANKED", Actor.SYSTEM, "预算排序第 1 名"),
            event(Stage.PAYMENT, "PAID", "jiyuan-finance", "拨付 100.00 元 至 示范企业(企业),凭证号 " + VOUCHER + ",拨付日期 2023-01-05"),
            event(Stage.CLAWBACK, "RECOVERED", "jiyuan-finance", "追回 50.00 元,缴回凭证号 " + RECOVERY_VOUCHER));

    static final String ACCOUNT = "6222020012345678";
    static final PayeeAccount PAYEE = new PayeeAccount(7, 1, new Payee(PayeeType.ENTERPRISE, "示范企业", "中国银行济源分行",
            ACCOUNT, null), PayeeStatus.CONFIRMED, "jiyuan-ent-1", LocalDateTime.of(2021, 3, 1, 9, 0), null, "jiyuan-bureau",
            LocalDateTime.of(2021, 3, 2, 9, 0), null);

    static JsonNode shown(Actor actor, Project p, List<ProjectEvent> history) {
        ProjectDisclosure disclosure = new ProjectDisclosure(actor, ProjectScope.of(actor));
        return JSON.valueToTree(history == null ? disclosure.view(p) : disclosure.view(p, history, Optional.of(PAYEE)));
    }

    static List<String> actions(JsonNode view) {
        return view.get("history").findValuesAsText("action");
    }

    @Test
    void shouldShowExpertTheMaterialUnderReviewAndOnlyTheirOwnReview() throws JsonProcessingException {
        JsonNode view = shown(expert("jiyuan-expert-2", "jiyuan"), PROJECT, HISTORY);
        assertThat(actions(view)).containsExactly("FILED", "COMPLETION_REPORTED", "RECOMMENDED", "REVIEW_PASSED");
        assertThat(view.get("history").get(3).get("actor").asText()).isEqualTo("jiyuan-expert-2");
        assertThat(view.get("history").get(3).get("summary").asText()).contains(OWN_OPINION);
        String text = JSON.writeValueAsString(view);
        assertThat(text).doesNotContain("jiyuan-expert-1").doesNotContain(OTHER_OPINION).doesNotContain("91.5")
                .doesNotContain("85.75").doesNotContain("得分 60");
        assertThat(view.get("project").has("expertScore")).isFalse();
        assertThat(view.get("project").has("rejectionReason")).isFalse();
        assertThat(view.at("/project/stage").asText()).isEqualTo("CLOSED");
    }

    @Test
    void shouldHideTheAggregatedScoreFromExpertsInListsToo() throws JsonProcessingException {
        JsonNode item = shown(expert("jiyuan-expert-1", "jiyuan"), PROJECT, null);
        assertThat(item.has("history")).isFalse();
        assertThat(item.get("project").has("expertScore")).isFalse();
        assertThat(JSON.writeValueAsString(item)).doesNotContain("85.75").doesNotContain(OTHER_OPINION);
        assertThat(item.at("/project/projectName").asText()).isEqualTo("项目");
    }

    @Test
    void shouldShowBureauFinanceAndAdministratorEverything() {
        for (Actor actor : List.of(new Actor("jiyuan-bureau", List.of("jiyuan-bureau"), List.of("jiyuan")),
                new Actor("jiyuan-finance", List.of("jiyuan-finance"), List.of("jiyuan")),
                new Actor("admin", List.of("camunda-admin"), List.of()))) {
            ProjectView view = new ProjectDisclosure(actor, ProjectScope.of(actor)).view(PROJECT, HISTORY, Optional.of(PAYEE));
            assertThat(view).as(actor.userId()).isEqualTo(new FullView(PROJECT, PROJECT.stage().label(), HISTORY, PAYEE, null));
            assertThat(JSON.valueToTree(view).at("/payee/payee/account").asText()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void shouldShowTheAuditorTheWholeHistoryWithVouchersButThePayeeMasked() throws JsonProcessingException {
        Actor auditor = new Actor("jiyuan-auditor", List.of("jiyuan-auditor"), List.of("jiyuan"));
        JsonNode view = shown(auditor, PROJECT, HISTORY);
        assertThat(actions(view)).containsExactly("FILED", "COMPLETION_REPORTED", "RECOMMENDED", "REVIEW_PASSED",
                "REVIEW_PASSED", "REVIEW_CLOSED", "BUDGET_RANKED", "PAID", "RECOVERED");
        assertThat(view.get("history").get(7).get("summary").asText()).contains("凭证号 " + VOUCHER);
        assertThat(view.get("history").get(8).get("summary").asText()).contains("缴回凭证号 " + RECOVERY_VOUCHER);
        assertThat(view.at("/project/expertScore").decimalValue()).isEqualByComparingTo("85.75");
        assertThat(JSON.writeValueAsString(view)).doesNotContain(ACCOUNT);
        assertThat(view.at("/payee/accountTail").asText()).isEqualTo("5678");
        assertThat(view.at("/payee/summary").asText()).isEqualTo("中国银行济源分行 · 示范企业 · 账号尾号 5678");
        assertThat(view.at("/payee/payee").isMissingNode()).as("not the full payee record").isTrue();
        Actor otherJurisdiction = new Actor("x", List.of("jiyuan-owner", "hekou-auditor"), List.of("jiyuan", "hekou"));
        assertThat(JSON.writeValueAsString(shown(otherJurisdiction, PROJECT, HISTORY)))
                .as("another jurisdiction's auditor group unlocks nothing").doesNotContain(VOUCHER);
    }

    @Test
    void shouldKeepPaymentDetailsFromEveryoneElse() throws JsonProcessingException {
        for (Actor actor : List.of(new Actor("jiyuan-ent-1", List.of("jiyuan-enterprise"), List.of("jiyuan")),
                new Actor("jiyuan-town-huling", List.of("jiyuan-town-huling"), List.of("jiyuan")),
                new Actor("jiyuan-owner", List.of("jiyuan-owner"), List.of("jiyuan")),
                new Actor("jiyuan-rules", List.of("jiyuan-rules"), List.of("jiyuan")),
                new Actor("jiyuan-expert-1", List.of("jiyuan-experts", "jiyuan-finance-observer"), List.of("jiyuan")))) {
            JsonNode view = shown(actor, PROJECT, HISTORY);
            String text = JSON.writeValueAsString(view);
            assertThat(text).as(actor.userId()).doesNotContain(VOUCHER).doesNotContain(RECOVERY_VOUCHER).doesNotContain("凭证号 ")
                    .doesNotContain(ACCOUNT);
        }
    }

    @Test
    void shouldLeaveOtherRolesTheRestOfTheHistoryAsItIs() {
        Actor enterprise = new Actor("jiyuan-ent-1", List.of("jiyuan-enterprise"), List.of("jiyuan"));
        JsonNode view = shown(enterprise, PROJECT, HISTORY);
        assertThat(actions(view)).containsExactly("FILED", "COMPLETION_REPORTED", "RECOMMENDED", "REVIEW_PASSED",
                "REVIEW_PASSED", "REVIEW_CLOSED", "BUDGET_RANKED", "PAID", "RECOVERED");
        assertThat(view.get("history").findValuesAsText("actor")).containsExactly("jiyuan-ent-1", "jiyuan-ent-1",
                "jiyuan-town-huling", "jiyuan-expert-1", "jiyuan-expert-2", Actor.SYSTEM, Actor.SYSTEM, "jiyuan-finance",
                "jiyuan-finance");
        assertThat(view.get("history").get(3).get("summary").asText()).contains(OTHER_OPINION);
        assertThat(view.get("history").get(7).get("summary").asText()).isEqualTo("奖补资金已拨付(收款方、拨付凭证号仅工信局、财政局、审计监督可见)");
        assertThat(view.get("history").get(8).get("summary").asText()).isEqualTo("奖补资金已追回(缴回凭证号仅工信局、财政局、审计监督可见)");
        assertThat(view.at("/project/expertScore").decimalValue()).isEqualByComparingTo("85.75");
    }

    @Test
    void shouldNotLetAnotherJurisdictionsFinanceRoleUnlockPaymentDetails() throws JsonProcessingException {
        Actor actor = new Actor("x", List.of("jiyuan-owner", "hekou-finance"), List.of("jiyuan", "hekou"));
        assertThat(JSON.writeValueAsString(shown(actor, PROJECT, HISTORY))).doesNotContain(VOUCHER).doesNotContain(ACCOUNT);
    }

    @Test
    void shouldShowEveryoneElseThePayeeMaskedAndExpertsNotAtAll() throws JsonProcessingException {
        for (Actor actor : List.of(new Actor("jiyuan-ent-1", List.of("jiyuan-enterprise"), List.of("jiyuan")),
                new Actor("jiyuan-town-huling", List.of("jiyuan-town-huling"), List.of("jiyuan")),
                new Actor("jiyuan-owner", List.of("jiyuan-owner"), List.of("jiyuan")),
                new Actor("jiyuan-rules", List.of("jiyuan-rules"), List.of("jiyuan")))) {
            JsonNode view = shown(actor, PROJECT, HISTORY);
            assertThat(JSON.writeValueAsString(view)).as(actor.userId()).doesNotContain(ACCOUNT);
            assertThat(view.at("/payee/accountTail").asText()).isEqualTo("5678");
            assertThat(view.at("/payee/summary").asText()).isEqualTo("中国银行济源分行 · 示范企业 · 账号尾号 5678");
            assertThat(view.at("/payee/status").asText()).isEqualTo("CONFIRMED");
        }
        JsonNode expert = shown(expert("jiyuan-expert-1", "jiyuan"), PROJECT, HISTORY);
        assertThat(expert.has("payee")).isFalse();
        assertThat(JSON.writeValueAsString(expert)).doesNotContain("5678");
        assertThat(shown(new Actor("jiyuan-bureau", List.of("jiyuan-bureau"), List.of("jiyuan")), PROJECT, null).has("payee"))
                .as("list items carry no payee").isFalse();
    }

    /** Mails about the project: the bureau all, owner and auditor all but the objector's, the town its own and the enterprise's, the enterprise its own. */
    @Test
    void shouldListToEachReaderOnlyTheMailsItMaySee() {
        java.util.List<cn.tcsubsidy.mail.domain.OutboxMail> mails = java.util.Arrays.stream(
                        cn.tcsubsidy.mail.domain.RecipientRole.values())
                .map(r -> new cn.tcsubsidy.mail.domain.OutboxMail(r.ordinal(), "jiyuan", PROJECT.id(), "t", r, null,
                        r.name().toLowerCase() + "@example.test", "主题", "正文", "<m" + r.ordinal() + ">",
                        cn.tcsubsidy.mail.domain.MailStatus.SENT, null, 1, null, java.time.LocalDateTime.of(2026, 1, 1, 8, 0),
                        java.time.LocalDateTime.of(2026, 1, 1, 8, 1)))
                .toList();
        java.util.Map<String, java.util.List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("jiyuan-bureau", List.of("ENTERPRISE", "TOWN", "PANEL_MEMBER", "BUREAU", "OBJECTOR"));
        expected.put("jiyuan-owner", List.of("ENTERPRISE", "TOWN", "PANEL_MEMBER", "BUREAU"));
        expected.put("jiyuan-auditor", List.of("ENTERPRISE", "TOWN", "PANEL_MEMBER", "BUREAU"));
        expected.put("jiyuan-finance", List.of("ENTERPRISE"));
        for (var e : expected.entrySet()) {
            Actor actor = new Actor(e.getKey(), List.of(e.getKey()), List.of("jiyuan"));
            FullView view = (FullView) new ProjectDisclosure(actor, ProjectScope.of(actor))
                    .view(PROJECT, HISTORY, Optional.of(PAYEE), mails);
            assertThat(view.mails()).as(e.getKey()).extracting(m -> m.recipientRole().name()).isEqualTo(e.getValue());
            assertThat(JSON.valueToTree(view).at("/mails/0").has("body")).isFalse();
        }
    }
}
