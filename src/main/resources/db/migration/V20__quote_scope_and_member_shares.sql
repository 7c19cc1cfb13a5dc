-- What a stored quote says beyond its amount (issue 7): which awards of the enterprise share its cap (the table's
-- capScope: POLICY, CATEGORY, CATEGORY_YEAR or NONE), and, for a Yanzhou cluster (强链条壮集群), each member's share
-- (补助资金按各企业设备投资额度比例分配, 济兖政字〔2020〕14号 四.3), which the ledger books as the member's own award.
alter table project_award add column cap_scope varchar(16) default 'POLICY' not null;

create table project_award_allocation (
    project_id  bigint         not null references project (id),
    credit_code varchar(18)    not null,
    enterprise  varchar(200)   not null,
    amount      numeric(18, 2) not null,
    eligible    boolean        not null,
    note        varchar(2000)  not null,
    primary key (project_id, credit_code),
    constraint project_award_allocation_amount check (amount >= 0)
);

-- The ledger decides the enterprise cap's scope from the table's capScope now; the per-category flag is not read.
alter table award_policy drop column cap_per_category;
