-- The 备案 code (项目代码) of the national investment-project online approval platform, YYYY-AAAAAA-NN-NN-NNNNNN.
-- Projects filed before this migration have none; the app requires it of every new filing.
alter table project add column project_code varchar(24);

-- The code once more while the project is live, NULL once it is rejected: a unique constraint on it keeps one live
-- project per code and jurisdiction, also when two filings arrive at once, while a rejected project's code may be
-- filed again (NULLs never clash). H2 has no partial unique index, so this column stands in for one.
alter table project add column live_project_code varchar(24);
alter table project add constraint project_code_live_once unique (jurisdiction_code, live_project_code);
