-- The window of completion dates a round takes, as the jurisdiction's tc-round-calendar gives it. Hekou recommends
-- 上年度竣工项目 (东河政发〔2020〕5号 三(五)): only projects completed in the previous calendar year, so its lower
-- bound is 1 January of that year; null = no lower bound (the other jurisdictions' texts set none).
alter table review_round add column completed_from date;
