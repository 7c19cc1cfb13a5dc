-- The award ledger (奖补台账): what each project was awarded, so that per-enterprise caps, annual budgets and
-- Yanzhou's one-application-a-year rule hold across projects, years and concurrent reservations.
-- The caps themselves (e.g. 300万元 per enterprise) live in each jurisdiction's DMN tables and reach the ledger
-- with each claim; what is here is what an administrator keeps as data: policies, budgets.

-- A policy whose life a per-enterprise cap spans (e.g. 单个企业不超过300万元 under 东河政发〔2020〕5号).
-- The key names the policy in every award; an unknown key is refused, so a typo cannot open a fresh cap.
create table award_policy (
    policy_key                varchar(40)  primary key,
    jurisdiction_code         varchar(32)  not null references jurisdiction (code),
    document                  varchar(200) not null,
    annual_project_limit      integer,
    annual_project_limit_lead integer,
    constraint award_policy_annual_limit check (
        (annual_project_limit is null and annual_project_limit_lead is null)
        or (annual_project_limit >= 1 and annual_project_limit_lead >= annual_project_limit))
);
comment on column award_policy.annual_project_limit is
    'Projects one enterprise may have awarded per year under this policy; null = no such rule.';
comment on column award_policy.annual_project_limit_lead is
    'The same for the lead enterprise of a cluster (强链条壮集群牵头企业).';

insert into award_policy (policy_key, jurisdiction_code, document, annual_project_limit, annual_project_limit_lead) values
 ('hekou-2020', 'hekou', '东河政发〔2020〕5号', null, null),
 ('huanggang-2021', 'huanggang', '黄冈市新一轮技术改造三年行动方案(2021—2023年)', null, null),
 -- 五、3: 除强链条壮集群技改奖补牵头企业可申报两个项目外,每个独立法人企业原则上每年只能申报一个项目.
 ('yanzhou-2020', 'yanzhou', '济兖政字〔2020〕14号', 1, 2),
 ('jiyuan-2017', 'jiyuan', '济政〔2017〕27号', null, null),
 ('liaocheng', 'liaocheng', '聊城市工业企业技术改造设备奖补实施细则', null, null);

-- Annual fund budgets (年度奖补资金预算). fund_code names who pays: the jurisdiction's own code for its fund;
-- for Huanggang's county pool a county's code (谁受益、谁兑现: the county pays county-pool awards).
-- A jurisdiction, fund and year without a row has no budget limit, and the ledger says so in its results.
create table fund_budget (
    jurisdiction_code varchar(32)    not null references jurisdiction (code),
    fund_code         varchar(32)    not null,
    budget_year       integer        not null,
    fund_name         varchar(100)   not null,
    amount            numeric(18, 2) not null,
    basis             varchar(300)   not null,
    primary key (jurisdiction_code, fund_code, budget_year),
    constraint fund_budget_amount check (amount >= 0)
);
comment on table fund_budget is
    'Data an administrator keeps: add a row for each further year, raise an amount when finance does.';
comment on column fund_budget.budget_year is
    'The award year the fund pays for. An administrator adds years (e.g. Huanggang beyond 2026).';
comment on column fund_budget.amount is
    'Yuan. Huanggang''s 30,000,000 is a minimum (不少于3000万元,并随着财力增长逐年增加): raise it when the city does.';

-- 东河政发〔2020〕5号 三(一): 区政府每年设立2000万元的技术改造专项资金,连续安排3年; in force 2020-09-21 … 2022-12-31.
insert into fund_budget (jurisdiction_code, fund_code, budget_year, fund_name, amount, basis) values
 ('hekou', 'hekou', 2020, '河口区技术改造专项资金', 20000000.00, '东河政发〔2020〕5号 三(一) 每年设立2000万元,连续安排3年'),
 ('hekou', 'hekou', 2021, '河口区技术改造专项资金', 20000000.00, '东河政发〔2020〕5号 三(一) 每年设立2000万元,连续安排3年'),
 ('hekou', 'hekou', 2022, '河口区技术改造专项资金', 20000000.00, '东河政发〔2020〕5号 三(一) 每年设立2000万元,连续安排3年');

-- 黄冈市行动方案 四(二): 从2021年起,市本级财政每年统筹安排支持工业技改专项资金不少于3000万元. The city fund pays
-- city-pool awards only; counties set their own funds (比照设立), which have no row until an administrator adds one.
insert into fund_budget (jurisdiction_code, fund_code, budget_year, fund_name, amount, basis) values
 ('huanggang', 'huanggang', 2021, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元'),
 ('huanggang', 'huanggang', 2022, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元'),
 ('huanggang', 'huanggang', 2023, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元'),
 ('huanggang', 'huanggang', 2024, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元'),
 ('huanggang', 'huanggang', 2025, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元'),
 ('huanggang', 'huanggang', 2026, '黄冈市市级工业技改专项资金', 30000000.00, '黄冈市新一轮技术改造三年行动方案 四(二) 每年不少于3000万元');

-- One row per (policy, enterprise), created on first use and locked (select … for update) while an award for that
-- enterprise is reserved: the row that serializes checks of its cap and annual limit across threads and nodes.
create table award_enterprise_lock (
    policy_key  varchar(40) not null references award_policy (policy_key),
    credit_code varchar(18) not null,
    primary key (policy_key, credit_code)
);

-- One award per project and category set (a set of categories of which a project gets one, e.g. Hekou's
-- 直接奖补 / 贷款贴息). live is true until the award is cancelled, then null: unique (project, set, live) lets a
-- cancelled award stay as history while the database itself refuses a second live award, so a project is never
-- proposed or paid twice. A paid award is never cancelled (it is recovered instead).
create table award (
    id                bigint generated by default as identity primary key,
    project_id        bigint         not null references project (id),
    jurisdiction_code varchar(32)    not null references jurisdiction (code),
    credit_code       varchar(18)    not null,
    category          varchar(40)    not null,
    category_set      varchar(400)   not null,
    policy_key        varchar(40)    not null references award_policy (policy_key),
    cap_scope         varchar(40)    not null,
    enterprise_cap    numeric(18, 2),
    cluster_lead      boolean        not null,
    fund_code         varchar(32)    not null,
    award_year        integer        not null,
    requested_amount  numeric(18, 2) not null,
    granted_amount    numeric(18, 2) not null,
    cut_reason        varchar(1000),
    status            varchar(16)    not null,
    live              boolean,
    paid_amount       numeric(18, 2),
    recovered_amount  numeric(18, 2) not null,
    cancel_reason     varchar(1000),
    recovery_reason   varchar(2000),
    reserved_by       varchar(64)    not null,
    reserved_at       timestamp      not null,
    paid_at           timestamp,
    cancelled_at      timestamp,
    updated_at        timestamp      not null,
    constraint award_once_per_project_and_category_set unique (project_id, category_set, live),
    constraint award_status check (status in ('PROPOSED', 'PAID', 'CANCELLED')),
    constraint award_live_until_cancelled check (
        (status = 'CANCELLED' and live is null) or (status <> 'CANCELLED' and live is not null and live)),
    constraint award_amounts check (requested_amount > 0 and granted_amount > 0 and granted_amount <= requested_amount),
    constraint award_paid_when_paid check (
        (status = 'PAID' and paid_amount is not null) or (status <> 'PAID' and paid_amount is null)),
    constraint award_paid_within_grant check (paid_amount is null or (paid_amount > 0 and paid_amount <= granted_amount)),
    constraint award_recovered_within_paid check (
        recovered_amount >= 0 and (recovered_amount = 0 or recovered_amount <= paid_amount))
);
comment on column award.cap_scope is
    'Awards of one enterprise under one policy key and cap scope share the enterprise cap; the policy key itself when the cap spans the whole policy.';
comment on column award.award_year is
    'The year whose fund pays the award (the review round''s year); also the year of Yanzhou''s one-application rule.';
create index award_enterprise on award (policy_key, credit_code, cap_scope);
create index award_fund_year on award (jurisdiction_code, fund_code, award_year);
create index award_project on award (project_id);
