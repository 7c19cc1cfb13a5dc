-- Each project's answer to a round step that fans out to the projects as one job each (today: the award quote after
-- the review closed). The round waits on these rows, not on a shared process variable, so hundreds of project jobs
-- never write the round's instance at once.
create table round_step_answer (
    round_id    bigint       not null references review_round (id),
    step        varchar(40)  not null,
    project_id  bigint       not null references project (id),
    -- PENDING until the project's job has done the step; DONE; SKIPPED when the bureau went on without it.
    status      varchar(16)  not null,
    answered_at timestamp,
    note        varchar(2000),
    primary key (round_id, step, project_id)
);
