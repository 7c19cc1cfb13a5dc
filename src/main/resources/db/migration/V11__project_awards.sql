-- Figures the award rules read beyond the common ones, reported with the completion (竣工) where the category needs
-- them: robot purchases, informatization, national grant, first-set purchase price, the enterprise's per-mu rating
-- (亩产效益评价) and echelon listing, higher-level funding received (上级专项资金), certification level.
create table project_award_facts (
    project_id                 bigint primary key references project (id),
    robot_investment           numeric(18, 2) not null,
    informatization_investment numeric(18, 2) not null,
    national_funding           numeric(18, 2) not null,
    purchase_price             numeric(18, 2) not null,
    mujuan_class               varchar(1),
    echelon_listed             boolean        not null,
    superior_funded            boolean        not null,
    certification_level        varchar(16)
);

-- What the jurisdiction's tables said the project may get (quote), where the project stands on the budget line,
-- and its award in the ledger once the bureau proposed it.
create table project_award (
    project_id     bigint primary key references project (id),
    eligible       boolean        not null,
    quoted_amount  numeric(18, 2) not null,
    enterprise_cap numeric(18, 2),
    pool_level     varchar(16),
    quote_note     varchar(2000)  not null,
    decision_ref   varchar(100)   not null,
    budget_note    varchar(1000),
    award_id       bigint references award (id),
    quoted_at      timestamp      not null
);

-- Yanzhou caps each measure separately (装备升级、工业机器人 100万, 信息化 50万 per enterprise): the cap's scope is the
-- category there, the whole policy elsewhere.
alter table award_policy add column cap_per_category boolean default false not null;
update award_policy set cap_per_category = true where policy_key = 'yanzhou-2020';
