"""Background jobs: the same job functions run in-process (SQLite) or as procrastinate jobs (PostgreSQL).

`catalog` names every job with its queue, locks and retries; `bodies` holds what each job does (calling
the services); `runner` submits a job by name, in-process or deferred; `queue_app` builds the
procrastinate app with the periodic schedule and maintenance; `workers` runs worker processes.
"""
