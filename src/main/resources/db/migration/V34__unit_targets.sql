-- Targets of each recommending unit for a year (镇街目标考核), against which the bureau ranks and publishes its towns'
-- retrofit work (济政〔2017〕27号, 技术创新攻坚方案 三(二): "完善技改示范项目推进和绩效考评机制,定期对各产业集聚区、
-- 镇(街道)企业技术改造情况进行排序通报"). Data the bureau keeps through PUT /api/scoreboard/targets, one year at a
-- time; amounts in yuan (the source tables give 亿元).
create table unit_target (
    jurisdiction                     varchar(32)    not null,
    target_year                      integer        not null,
    unit_code                        varchar(32)    not null,
    industrial_investment_target     numeric(18, 2) not null,
    retrofit_investment_target       numeric(18, 2) not null,
    retrofitting_enterprises_target  integer        not null,
    source                           varchar(2000)  not null,
    updated_by                       varchar(64)    not null,
    updated_at                       timestamp      not null,
    primary key (jurisdiction, target_year, unit_code),
    constraint unit_target_unit foreign key (jurisdiction, unit_code)
        references recommending_unit (jurisdiction_code, code),
    constraint unit_target_non_negative check (industrial_investment_target >= 0 and retrofit_investment_target >= 0
        and retrofitting_enterprises_target >= 0),
    constraint unit_target_year check (target_year between 2000 and 2100)
);

-- Jiyuan's 2017 targets move here from the columns V1/V2 gave recommending_unit (read by no code), converted from
-- 亿元 to 元, so that each number stands once. Source: 济政〔2017〕27号 附件 济源市推进技术改造攻坚方案,
-- 附件"技术改造2017年攻坚目标任务分解表" (指标:工业投资(亿元)、工业技改投资(亿元)、实施技改规模以上工业企(家);
-- 合计 240、40、60; 虎岭 55、8、5 …).
insert into unit_target (jurisdiction, target_year, unit_code, industrial_investment_target, retrofit_investment_target,
                         retrofitting_enterprises_target, source, updated_by, updated_at)
select jurisdiction_code, 2017, code, target_industrial_investment * 100000000, target_retrofit_investment * 100000000,
       target_retrofit_enterprises,
       '济政〔2017〕27号 济源市推进技术改造攻坚方案 附件《技术改造2017年攻坚目标任务分解表》:"技术改造2017年目标 工业投资(亿元) 工业技改投资(亿元) 实施技改规模以上工业企(家) 合计 240 40 60 虎岭 55 8 5 玉川 40 6.5 4 ……";正文:"2017年,实施50个技术改造示范项目,推动60家规模以上工业企业实施技术改造,完成技术改造投资40亿元"',
       'migration', current_timestamp
  from recommending_unit
 where jurisdiction_code = 'jiyuan' and target_retrofit_investment is not null;

alter table recommending_unit drop column target_industrial_investment;
alter table recommending_unit drop column target_retrofit_investment;
alter table recommending_unit drop column target_retrofit_enterprises;
