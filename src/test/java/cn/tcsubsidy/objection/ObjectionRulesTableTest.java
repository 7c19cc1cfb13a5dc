package cn.tcsubsidy.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tcsubsidy.engine.Tenants;
import cn.tcsubsidy.objection.domain.ObjectionChannel;
import cn.tcsubsidy.objection.domain.ObjectionRules;
import cn.tcsubsidy.objection.process.CamundaObjectionRules;
import cn.tcsubsidy.support.ProcessTestEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * tc-objection-rules as shipped for every jurisdiction (dmn/<j>/<j>-objection.dmn), read through the engine as the
 * objection service reads it: written and online real-name objections accepted, any other way refused, each labelled
 * as common practice (常见做法) with the table's version; a jurisdiction without the table fails loudly.
 */
class ObjectionRulesTableTest {

    static ProcessEngine engine;
    static CamundaObjectionRules rules;

    @BeforeAll
    static void deploy() {
        engine = ProcessTestEngine.configuration("tc-objection-rules-test").buildProcessEngine();
        for (String j : Tenants.ALL) {
            ProcessTestEngine.deploy(engine, j, "dmn/" + j + "/" + j + "-objection.dmn");
        }
        rules = new CamundaObjectionRules(engine.getDecisionService(), engine.getRepositoryService(),
                engine.getIdentityService());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void shouldAcceptWrittenAndOnlineRealNameObjectionsInEveryJurisdictionAsCommonPractice() {
        for (String j : Tenants.ALL) {
            ObjectionRules.Channel written = rules.channel(j, ObjectionChannel.WRITTEN);
            assertThat(written.accepted()).as(j).isTrue();
            assertThat(written.basis()).as(j).contains("常见做法", "非政策原文", "实名书面异议", "tc-objection-rules v1 " + j);
            ObjectionRules.Channel online = rules.channel(j, ObjectionChannel.ONLINE);
            assertThat(online.accepted()).as(j).isTrue();
            assertThat(online.basis()).as(j).contains("常见做法", "网上实名异议");
        }
    }

    @Test
    void shouldRefuseAnyOtherWayOfObjecting() {
        Object out = engine.getDecisionService().evaluateDecisionByKey(CamundaObjectionRules.DECISION)
                .decisionDefinitionTenantId("hekou")
                .variables(java.util.Map.of("channel", "ANONYMOUS_LETTER")).evaluate().getSingleResult().getEntryMap();
        assertThat(out.toString()).contains("accepted=false", "匿名异议不予受理");
    }

    @Test
    void shouldFailLoudlyForATenantWithoutTheTable() {
        assertThatThrownBy(() -> rules.channel("nowhere", ObjectionChannel.WRITTEN))
                .hasMessageContaining("no table tc-objection-rules deployed for tenant nowhere");
    }
}
