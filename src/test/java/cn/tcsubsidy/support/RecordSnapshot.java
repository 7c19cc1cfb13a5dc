package cn.tcsubsidy.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a refused action must leave as it was, for the role × action matrix and the auditor's test alike: the app's
 * records (projects, awards, payments, panels, ledger, calendar) and the engine's runtime state (where each instance
 * stands, its variables, jobs, tasks, identity links, comments, deployments, authorizations). One list, so a new
 * table is added once.
 */
public final class RecordSnapshot {

    private static final List<String> QUERIES = List.of(
            "select * from project order by id",
            "select * from award order by id",
            "select * from payment order by id",
            "select * from payee_account order by id",
            "select count(*) from project_event",
            "select * from review_round order by id",
            "select proc_inst_id_, act_id_, is_active_, suspension_state_ from act_ru_execution order by id_",
            "select name_, execution_id_, task_id_, text_, long_, double_ from act_ru_variable order by id_",
            "select id_, duedate_, retries_, suspension_state_ from act_ru_job order by id_",
            "select id_, name_, assignee_, owner_, task_def_key_, suspension_state_ from act_ru_task order by id_",
            "select * from act_ru_identitylink order by id_",
            "select id_, message_ from act_hi_comment order by id_",
            "select count(*) from act_hi_attachment",
            "select * from fund_budget order by jurisdiction_code, fund_code, budget_year",
            "select count(*) from fund_budget_change",
            "select count(*) from act_hi_procinst",
            "select * from award_scheme order by id",
            "select * from enterprise_standing order by id",
            "select * from quote_date_setting order by jurisdiction_code",
            "select count(*) from project_evidence",
            "select * from pool_member order by id",
            "select count(*) from pool_member_change",
            "select count(*) from panel_draw",
            "select * from panel_seat order by id",
            "select count(*) from panel_score",
            "select * from panel_outcome order by round_id, project_id",
            "select * from public_holiday order by holiday_date",
            "select count(*) from public_holiday_change",
            "select * from notice_objection_channel order by jurisdiction_code",
            "select count(*) from notice_objection_channel_change",
            "select * from payment_order order by id",
            "select * from payment_plan order by project_id",
            "select * from recovery_order order by id",
            "select count(*) from project_acceptance",
            "select count(*) from budget_line_move",
            "select count(*) from act_re_deployment",
            "select count(*) from act_ru_authorization",
            "select id, status, approved_by, deployment_id from rule_change order by id",
            "select count(*) from rule_change_file",
            "select count(*) from rule_deployment_log",
            "select * from unit_target order by jurisdiction, target_year, unit_code");

    private RecordSnapshot() {
    }

    public static String of(JdbcClient jdbc, String... extraQueries) {
        StringBuilder s = new StringBuilder();
        for (String sql : QUERIES) {
            s.append(jdbc.sql(sql).query().listOfRows()).append('\n');
        }
        for (String sql : extraQueries) {
            s.append(jdbc.sql(sql).query().listOfRows()).append('\n');
        }
        return s.toString();
    }
}
