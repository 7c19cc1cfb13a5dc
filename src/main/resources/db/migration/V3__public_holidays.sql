-- The State Council's holiday calendar (节假日安排), kept by an administrator each year: a date listed with
-- workday = false is a holiday, a weekend date listed with workday = true is a make-up working day (调休上班).
-- Notice periods count working days over this table.
create table public_holiday (
    holiday_date date        primary key,
    name         varchar(64) not null,
    workday      boolean     not null
);
