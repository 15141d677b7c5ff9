-- One status model (issue 18): Quality assurance is an Error (spec 000: the last run failed and the
-- integration is stopped), and an active integration with no finished run is "Waiting for first run".
UPDATE health_record SET summary_rank = 0 WHERE detailed_state = 'QUALITY_ASSURANCE';
UPDATE health_record SET detailed_state = 'WAITING_FOR_FIRST_RUN'
    WHERE detailed_state = 'ACTIVE' AND last_ran_at IS NULL;
