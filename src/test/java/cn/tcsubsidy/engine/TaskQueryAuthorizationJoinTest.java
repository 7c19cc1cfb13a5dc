package cn.tcsubsidy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link TaskQueryAuthorizationJoin}: with the left join every user sees exactly the tasks the engine's own inner
 * join shows them — through {@code TaskService}, by count, and through Tasklist's filter 我的待办 extended the way
 * Tasklist extends it — for every demo user of two jurisdictions, over tasks offered to town groups, the bureau,
 * the experts, a named candidate and an assignee.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-task-query-join;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryAuthorizationJoinTest {

    private static final String KEY = "tc-test-task-query-join";
    private static final List<String> TENANTS = List.of("hekou", "jiyuan");

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired IdentityService identity;

    private final List<String> deployments = new ArrayList<>();
    private TaskQueryAuthorizationJoin join;

    @BeforeAll
    void seed() {
        join = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
                .getConfiguration().getInterceptors().stream()
                .filter(TaskQueryAuthorizationJoin.class::isInstance).map(TaskQueryAuthorizationJoin.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("TaskQueryAuthorizationJoin is not installed"));
        for (String t : TENANTS) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(3650)
                    .startEvent().parallelGateway("Gateway_Fork")
                    .userTask("Task_Town").name("镇街审核推荐").camundaCandidateGroups("${execution.tenantId}-town-${unitCode}")
                    .endEvent("Event_TownDone")
                    .moveToNode("Gateway_Fork")
                    .userTask("Task_Bureau").name("工信局审核").camundaCandidateGroups(Roles.bureau(t))
                    .endEvent("Event_BureauDone")
                    .moveToNode("Gateway_Fork")
                    .userTask("Task_Experts").name("专家评审").camundaCandidateGroups(Roles.experts(t))
                    .endEvent("Event_ExpertsDone")
                    .moveToNode("Gateway_Fork")
                    .userTask("Task_Named").name("指定经办人").camundaCandidateUsers(t + "-ent-1")
                    .endEvent("Event_NamedDone")
                    .moveToNode("Gateway_Fork")
                    .userTask("Task_Assigned").name("已分派").camundaAssignee(Roles.finance(t))
                    .endEvent("Event_AssignedDone")
                    .done();
            deployments.add(repository.createDeployment().tenantId(t).name("task-query-join-test")
                    .addModelInstance(KEY + ".bpmn", model).deploy().getId());
            List<String> units = identity.createGroupQuery().list().stream()
                    .filter(g -> g.getId().startsWith(Roles.townPrefix(t))).map(g -> g.getId().substring(Roles.townPrefix(t).length())).sorted().toList();
            assertThat(units).as("town groups of " + t).hasSizeGreaterThan(1);
            for (int i = 0; i < 3 * units.size(); i++) {
                runtime.createProcessInstanceByKey(KEY).processDefinitionTenantId(t)
                        .setVariable("unitCode", units.get(i % units.size())).execute();
            }
        }
    }

    @AfterAll
    void tearDown() {
        join.setEnabled(true);
        deployments.forEach(d -> repository.deleteDeployment(d, true));
    }

    @Test
    void shouldShowEveryUserTheSameTasksAsTheEnginesInnerJoin() {
        List<User> users = identity.createUserQuery().list();
        assertThat(users).hasSizeGreaterThan(20);
        Filter myTasks = filters.createFilterQuery().filterName("我的待办").singleResult();
        assertThat(myTasks).as("filter 我的待办 (IdentitySetup)").isNotNull();
        long total = tasks.createTaskQuery().count();
        int seeing = 0;
        int withFilter = 0;
        for (User u : users) {
            Map<Boolean, Visible> byJoin = new java.util.HashMap<>();
            for (boolean left : List.of(true, false)) {
                join.setEnabled(left);
                long before = join.applied();
                long splitBefore = join.split();
                byJoin.put(left, visible(u.getId(), myTasks));
                int queries = byJoin.get(left).myTasksPage() == null ? 2 : 4;
                assertThat(join.applied() - before).as(u.getId() + " queries switched")
                        .isEqualTo(left ? queries : 0);
                if (!administrator(u.getId())) {
                    // The administrator's queries carry no authorization check, so there is no join to split.
                    assertThat(join.split() - splitBefore).as(u.getId() + " authorization joins split")
                            .isEqualTo(left ? queries : 0);
                }
            }
            join.setEnabled(true);
            withFilter += byJoin.get(true).myTasksPage() == null ? 0 : 1;
            assertThat(byJoin.get(true)).as(u.getId()).isEqualTo(byJoin.get(false));
            if (!administrator(u.getId()) && !byJoin.get(true).all().isEmpty()) {
                seeing++;
                assertThat(byJoin.get(true).all().size()).as(u.getId() + " sees only some").isLessThan((int) total);
            }
        }
        assertThat(seeing).as("users who see tasks").isGreaterThan(10);
        assertThat(withFilter).as("users with 我的待办").isGreaterThan(10);
    }

    private boolean administrator(String userId) {
        return identity.createGroupQuery().groupMember(userId)
                .groupId(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN).count() > 0;
    }

    /** One user's view: every task, their count, and 我的待办's first page and count as Tasklist asks them. */
    private Visible visible(String userId, Filter myTasks) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            Set<String> all = ids(tasks.createTaskQuery().list());
            long count = tasks.createTaskQuery().count();
            if (filters.createFilterQuery().filterId(myTasks.getId()).count() == 0) {
                return new Visible(all, count, null, -1); // no Tasklist filter for this role (the auditor)
            }
            List<Task> page = filters.listPage(myTasks.getId(),
                    tasks.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc(), 0, 15);
            long filterCount = filters.count(myTasks.getId());
            return new Visible(all, count, page.stream().map(Task::getId).toList(), filterCount);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Set<String> ids(List<Task> list) {
        return list.stream().map(Task::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private record Visible(Set<String> all, long count, List<String> myTasksPage, long myTasksCount) {
    }
}
