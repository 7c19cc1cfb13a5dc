-- A step's summary is its figures (up to a few hundred characters, amounts grouped "12,000,000.00 元") followed by
-- the user's note of up to 2000 characters (竣工情况说明, 进展情况): 2000 was too short for the longest note.
alter table project_event alter column summary set data type varchar(4000);
