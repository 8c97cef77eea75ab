-- Plan the statements inside the queue take and the grain-state write for the table as it is now (issue 3).
--
-- PL/pgSQL caches its statements' plans per connection and switches to a generic plan after five executions. A
-- worker that polls an empty queue builds that plan while the table has no pages, and a sequential scan then costs
-- nothing; when an activation queues thousands of jobs, every take kept scanning and sorting the whole queue (and
-- its UPDATE by id scanned it again): 3.6 ms + 1.3 ms per take with 4,000 jobs, measured with auto_explain in the
-- influencer benchmark (docs/BENCHMARKS.md), where they were the largest share of PostgreSQL's time. The same holds
-- for orleansstorage, which starts empty and grows by a row per grain. A custom plan per execution sees the table's
-- current size and walks the index; planning these short statements costs tens of microseconds.
ALTER FUNCTION apify_take_next(uuid, timestamptz) SET plan_cache_mode = force_custom_plan;
ALTER FUNCTION orleans_write_to_storage(integer, bigint, bigint, integer, text, text, text, integer, bytea)
    SET plan_cache_mode = force_custom_plan;
