-- A faulty or retired device's reason is staff's own words, which every desk shows as they are; the
-- server used to put an English "Faulty: " or "Retired: " before them (the state already says it).
UPDATE device SET state_reason = SUBSTRING(state_reason, 9) WHERE state = 'FAULTY' AND state_reason LIKE 'Faulty: %';
UPDATE device SET state_reason = SUBSTRING(state_reason, 10) WHERE state = 'RETIRED' AND state_reason LIKE 'Retired: %';
