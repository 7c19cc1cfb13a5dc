-- Who pays each award, the budgets that pay it and each award's share per fund (issue 7, points 1, 2, 6, 7, 14).

-- Funds (技改专项资金) that pay awards: each jurisdiction's own fund, each Huanggang county's fund and every member of
-- Huanggang's city-district split. A budget (fund_budget) is entered for a fund and year; no budget, no award.
create table fund (
    jurisdiction_code varchar(32)  not null references jurisdiction (code),
    fund_code         varchar(32)  not null,
    fund_name         varchar(100) not null,
    primary key (jurisdiction_code, fund_code)
);

insert into fund (jurisdiction_code, fund_code, fund_name) values
 ('hekou', 'hekou', '河口区技术改造专项资金'),
 ('yanzhou', 'yanzhou', '兖州区技术改造专项资金'),
 ('jiyuan', 'jiyuan', '济源市技术改造奖补资金'),
 ('liaocheng', 'liaocheng', '聊城市工业企业技术改造设备奖补资金'),
 -- 黄冈市行动方案 四(二): 从2021年起,市本级财政每年统筹安排支持工业技改专项资金不少于3000万元.
 ('huanggang', 'huanggang', '黄冈市市级工业技改专项资金'),
 -- 四(二): 各县(市、区)比照设立支持工业技改专项资金并纳入同级财政预算.
 ('huanggang', 'huangzhou', '黄州区工业技改专项资金'),
 ('huanggang', 'tuanfeng', '团风县工业技改专项资金'),
 ('huanggang', 'hongan', '红安县工业技改专项资金'),
 ('huanggang', 'macheng', '麻城市工业技改专项资金'),
 ('huanggang', 'luotian', '罗田县工业技改专项资金'),
 ('huanggang', 'yingshan', '英山县工业技改专项资金'),
 ('huanggang', 'xishui', '浠水县工业技改专项资金'),
 ('huanggang', 'qichun', '蕲春县工业技改专项资金'),
 ('huanggang', 'huangmei', '黄梅县工业技改专项资金'),
 ('huanggang', 'wuxue', '武穴市工业技改专项资金'),
 ('huanggang', 'longganhu', '龙感湖管理区工业技改专项资金'),
 ('huanggang', 'gxq', '黄冈高新区工业技改专项资金');

-- 黄冈市行动方案, closing paragraph: 市区部分按市区一体财政体制分别由市级财政、黄州区政府、黄冈高新区管委会
-- (市区各园区管委会)承担. The source names 黄冈高新区 and no other 园区: an administrator adds each further 市区
-- 园区 as a recommending unit (recommending_unit), its fund (fund) and its split (unit_payer), without a release.
insert into recommending_unit (jurisdiction_code, code, name) values ('huanggang', 'gxq', '黄冈高新区');

-- Who pays a recommending unit's projects (谁受益、谁兑现): one row with share 1 for a unit paid by one fund, several
-- rows for a unit whose projects are split between funds (Huanggang's 市区). A unit's shares add up to 1; the
-- ledger checks it before every use and splits each award to the fen by largest remainder. sample marks ratios
-- that are not from a fiscal document (示例), shown as such wherever the split is shown.
create table unit_payer (
    jurisdiction_code varchar(32)  not null,
    unit_code         varchar(32)  not null,
    fund_code         varchar(32)  not null,
    share             numeric(7, 6) not null,
    basis             varchar(300) not null,
    sample            boolean      not null,
    primary key (jurisdiction_code, unit_code, fund_code),
    constraint unit_payer_unit foreign key (jurisdiction_code, unit_code)
        references recommending_unit (jurisdiction_code, code),
    constraint unit_payer_fund foreign key (jurisdiction_code, fund_code) references fund (jurisdiction_code, fund_code),
    constraint unit_payer_share check (share > 0 and share <= 1)
);
comment on table unit_payer is
    'Data an administrator keeps: the fund(s) paying a unit''s projects and their shares (summing to 1), with the basis.';

insert into unit_payer (jurisdiction_code, unit_code, fund_code, share, basis, sample)
select jurisdiction_code, code, jurisdiction_code, 1, case jurisdiction_code
        when 'hekou' then '东河政发〔2020〕5号 三(一):区政府每年设立2000万元的技术改造专项资金'
        when 'yanzhou' then '济兖政字〔2020〕14号:区政府设立技术改造专项资金,用于鼓励企业实施技术改造'
        when 'jiyuan' then '济政〔2017〕27号 未写明出资主体,由制定政策的市级财政兑现(解释,管理员可改)'
        else '聊城市工业企业技术改造设备奖补实施细则:发挥财政资金撬动作用(市级奖补资金)'
    end, false
from recommending_unit where jurisdiction_code in ('hekou', 'yanzhou', 'jiyuan', 'liaocheng');

-- 各项支持政策按"谁受益、谁兑现"原则确定承担主体,县(市、区)部分由各县(市、区)政府负责: each county pays its own
-- projects, whichever pool (市级库 / 县市区库) keeps their ledger (四(一): 台账管理).
insert into unit_payer (jurisdiction_code, unit_code, fund_code, share, basis, sample)
select jurisdiction_code, code, code, 1,
       '黄冈市行动方案:按“谁受益、谁兑现”原则,县(市、区)部分由各县(市、区)政府负责', false
from recommending_unit where jurisdiction_code = 'huanggang' and code not in ('huangzhou', 'gxq');

-- 市区部分按市区一体财政体制分别由市级财政、黄州区政府、黄冈高新区管委会承担. The ratios are not in the source:
-- these are samples (示例), to be replaced from the fiscal arrangement's document.
insert into unit_payer (jurisdiction_code, unit_code, fund_code, share, basis, sample) values
 ('huanggang', 'huangzhou', 'huanggang', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'huangzhou', 'huangzhou', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'gxq', 'huanggang', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'gxq', 'gxq', 0.5, '市区一体财政体制(比例待按财政文件填写)', true);

-- Budgets now name a fund of the fund table (its name lives there), and record who entered them and when; basis is
-- the budget decision's document number (文件号). Every entry and change is kept in fund_budget_change.
alter table fund_budget add constraint fund_budget_fund foreign key (jurisdiction_code, fund_code)
    references fund (jurisdiction_code, fund_code);
alter table fund_budget drop column fund_name;
alter table fund_budget add column entered_by varchar(64) default 'migration' not null;
alter table fund_budget add column entered_at timestamp default current_timestamp not null;
alter table fund_budget add column updated_by varchar(64) default 'migration' not null;
alter table fund_budget add column updated_at timestamp default current_timestamp not null;
comment on table fund_budget is
    'Entered by the jurisdiction''s finance officer (J-finance) or the administrator through /api/fund-budgets or the Tasklist process tc-fund-budget; a fund and year without a row pays no award.';

create table fund_budget_change (
    id                bigint generated by default as identity primary key,
    jurisdiction_code varchar(32)    not null,
    fund_code         varchar(32)    not null,
    budget_year       integer        not null,
    previous_amount   numeric(18, 2),
    amount            numeric(18, 2) not null,
    basis             varchar(300)   not null,
    reason            varchar(1000),
    changed_by        varchar(64)    not null,
    changed_at        timestamp      not null,
    constraint fund_budget_change_budget foreign key (jurisdiction_code, fund_code, budget_year)
        references fund_budget (jurisdiction_code, fund_code, budget_year)
);
comment on column fund_budget_change.previous_amount is 'Null for the entry that created the budget.';
create index fund_budget_change_budget on fund_budget_change (jurisdiction_code, fund_code, budget_year);

insert into fund_budget_change (jurisdiction_code, fund_code, budget_year, previous_amount, amount, basis, reason,
                                changed_by, changed_at)
select jurisdiction_code, fund_code, budget_year, null, amount, basis, '按政策文件随系统录入', 'migration', current_timestamp
from fund_budget;

-- Each award's share per paying fund, kept equal to the award's committed amount (granted while proposed, paid once
-- paid) and split to the fen by largest remainder; a cancelled award's rows stay as its record but no longer count
-- (budget sums read live awards only).
create table award_fund_share (
    award_id  bigint         not null references award (id),
    fund_code varchar(32)    not null,
    share     numeric(7, 6)  not null,
    amount    numeric(18, 2) not null,
    primary key (award_id, fund_code),
    constraint award_fund_share_amounts check (share > 0 and share <= 1 and amount >= 0)
);
create index award_fund_share_fund on award_fund_share (fund_code);

insert into award_fund_share (award_id, fund_code, share, amount)
select id, fund_code, 1, case when status = 'PAID' then paid_amount else granted_amount end from award;

drop index award_fund_year;
alter table award drop column fund_code;
create index award_year on award (jurisdiction_code, award_year);

-- An award without an enterprise cap (the table's capScope NONE: 纳统奖励, 试点示范 …) takes from no cap and is
-- limited by none: its cap_scope is null. award_policy.cap_per_category is no longer read by the ledger (the
-- table's capScope output decides the scope); it stays until AwardCases stops reading it.
alter table award alter column cap_scope drop not null;
update award set cap_scope = null where enterprise_cap is null;
alter table award add constraint award_cap_scope_with_cap check (
    (enterprise_cap is null and cap_scope is null) or (enterprise_cap is not null and cap_scope is not null));

-- One certificate is paid once (质量品牌、首台套、新产品 … carry the certificate or listing number): a second live
-- award on the same certificate in the jurisdiction is refused; a cancelled award (live null) frees it.
alter table award add column certificate_no varchar(100);
alter table award add constraint award_once_per_certificate unique (jurisdiction_code, certificate_no, live);

-- Yanzhou's one project a year is 原则上 (济兖政字〔2020〕14号 五.3): the bureau may lift it for one award with a
-- written reason, stored here.
alter table award add column annual_limit_override varchar(1000);

-- A cluster project (强链条壮集群) is paid to each member by its share, each member's payment its own row under its own
-- cap: one live award per project, category set and enterprise.
alter table award drop constraint award_once_per_project_and_category_set;
alter table award add constraint award_once_per_project_category_set_and_enterprise
    unique (project_id, category_set, credit_code, live);
