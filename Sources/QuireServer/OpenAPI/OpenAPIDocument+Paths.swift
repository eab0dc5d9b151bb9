extension OpenAPIDocument {
    /// Every endpoint: health, metrics, kernelspecs, inspect, runs and jobs.
    static let paths = #"""
    paths:
      /healthz:
        get:
          operationId: health
          summary: Liveness and database reachability
          security: []
          responses:
            '200': {description: Healthy, content: {application/json: {schema: {$ref: '#/components/schemas/Health'}}}}
            '503': {$ref: '#/components/responses/Problem'}
      /metrics:
        get:
          operationId: metrics
          summary: Prometheus metrics (runs by status, queue depth, run durations, warm pool)
          responses:
            '200': {description: Prometheus text exposition, content: {text/plain: {schema: {type: string}}}}
            '401': {$ref: '#/components/responses/Problem'}
      /api/v1/openapi.yaml:
        get:
          operationId: openapi
          summary: This document
          security: []
          responses:
            '200': {description: OpenAPI 3.1 document, content: {application/yaml: {schema: {type: object}}}}
      /api/v1/kernelspecs:
        get:
          operationId: listKernelspecs
          summary: Kernels installed where the server runs
          responses:
            '200':
              description: Kernelspecs
              content:
                application/json:
                  schema:
                    type: object
                    required: [kernelspecs]
                    properties:
                      kernelspecs:
                        type: array
                        items:
                          type: object
                          required: [name, display_name, language, resource_dir]
                          properties:
                            name: {type: string}
                            display_name: {type: string}
                            language: {type: string}
                            resource_dir: {type: string}
            '401': {$ref: '#/components/responses/Problem'}
      /api/v1/inspect:
        post:
          operationId: inspectNotebook
          summary: Parameters a notebook declares, with inferred types and defaults
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  additionalProperties: false
                  properties:
                    notebook: {type: string, description: Path or store URL of the notebook}
                    content: {type: object, description: The notebook itself (nbformat 4 JSON)}
                    kernel: {type: [string, 'null']}
          responses:
            '200':
              description: Declared parameters
              content:
                application/json:
                  schema:
                    type: object
                    required: [has_parameters_cell, parameters, warnings]
                    properties:
                      has_parameters_cell: {type: boolean}
                      parameters:
                        type: array
                        items:
                          type: object
                          required: [name, type, inferred_type_name, default, help]
                          properties:
                            name: {type: string}
                            type: {type: [string, 'null']}
                            inferred_type_name: {type: string}
                            default: {type: string}
                            help: {type: string}
                      warnings: {type: array, items: {type: string}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
            '503': {$ref: '#/components/responses/Problem'}
      /api/v1/runs:
        post:
          operationId: submitRun
          summary: Submit an ad-hoc run
          parameters:
            - name: Idempotency-Key
              in: header
              required: false
              description: Repeating a submission with the same key returns the first run instead of creating another.
              schema: {type: string, minLength: 1, maxLength: 200}
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/SubmitRun'}
          responses:
            '202':
              description: Queued
              headers:
                Location: {schema: {type: string}, description: URL of the run}
              content: {application/json: {schema: {$ref: '#/components/schemas/Run'}}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
            '503': {$ref: '#/components/responses/Problem'}
        get:
          operationId: listRuns
          summary: Runs, newest first, a page at a time
          parameters:
            - {name: job, in: query, schema: {type: string}}
            - {name: status, in: query, description: 'One status or several, comma-separated', schema: {type: string}}
            - {name: tag, in: query, schema: {type: string}}
            - {name: owner, in: query, schema: {type: string}}
            - {name: since, in: query, description: 'Created at or after (ISO 8601)', schema: {type: string}}
            - {name: until, in: query, description: 'Created before (ISO 8601)', schema: {type: string}}
            - {name: param, in: query, description: 'NAME:VALUE — runs whose parameter NAME has this value', schema: {type: string}}
            - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 500, default: 50}}
            - {name: cursor, in: query, description: next_cursor of the previous page, schema: {type: string}}
          responses:
            '200':
              description: A page of runs
              content:
                application/json:
                  schema:
                    type: object
                    required: [runs, next_cursor]
                    properties:
                      runs: {type: array, items: {$ref: '#/components/schemas/Run'}}
                      next_cursor: {type: [string, 'null']}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '403': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}:
        get:
          operationId: getRun
          summary: One run with its state transitions
          parameters: [{$ref: '#/components/parameters/RunID'}]
          responses:
            '200': {description: The run, content: {application/json: {schema: {$ref: '#/components/schemas/Run'}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}/status:
        get:
          operationId: getRunStatus
          summary: Cheap status poll
          parameters: [{$ref: '#/components/parameters/RunID'}]
          responses:
            '200':
              description: Status
              content:
                application/json:
                  schema:
                    type: object
                    required: [id, status, attempt, finished]
                    properties:
                      id: {type: string}
                      status: {$ref: '#/components/schemas/RunStatus'}
                      attempt: {type: integer}
                      finished: {type: [string, 'null']}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}/output:
        get:
          operationId: getRunOutput
          summary: The output notebook (partial while the run goes on)
          parameters: [{$ref: '#/components/parameters/RunID'}]
          responses:
            '200': {description: nbformat 4 notebook, content: {application/x-ipynb+json: {schema: {type: object}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '503': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}/events:
        get:
          operationId: getRunEvents
          summary: Live progress as server-sent events (status, cell_started, output, cell_finished, finished)
          parameters: [{$ref: '#/components/parameters/RunID'}]
          responses:
            '200': {description: 'Event stream; ends after the finished event. With a PostgreSQL database the stream starts with the run''s past events (kept an hour after it ends) and each event carries its sequence as the SSE id', content: {text/event-stream: {schema: {type: string}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}/cancel:
        post:
          operationId: cancelRun
          summary: Cancel a queued or running run (the running cell is interrupted; the partial output is kept)
          parameters: [{$ref: '#/components/parameters/RunID'}]
          responses:
            '202': {description: Cancelled or cancellation requested, content: {application/json: {schema: {$ref: '#/components/schemas/Run'}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
      /api/v1/runs/{id}/rerun:
        post:
          operationId: rerunRun
          summary: A new run of the same notebook, with the same or overridden parameters
          parameters: [{$ref: '#/components/parameters/RunID'}]
          requestBody:
            required: false
            content:
              application/json:
                schema:
                  type: object
                  additionalProperties: false
                  properties:
                    parameters: {type: object}
          responses:
            '202':
              description: Queued
              headers:
                Location: {schema: {type: string}}
              content: {application/json: {schema: {$ref: '#/components/schemas/Run'}}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
            '503': {$ref: '#/components/responses/Problem'}
      /api/v1/jobs:
        get:
          operationId: listJobs
          summary: Job definitions with their next fire time and last run
          responses:
            '200':
              description: Jobs
              content:
                application/json:
                  schema:
                    type: object
                    required: [jobs]
                    properties:
                      jobs: {type: array, items: {$ref: '#/components/schemas/Job'}}
            '401': {$ref: '#/components/responses/Problem'}
        post:
          operationId: createJob
          summary: Define a job
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: '#/components/schemas/JobDefinition'}}}
          responses:
            '201':
              description: Created
              headers:
                Location: {schema: {type: string}}
              content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
      /api/v1/jobs/{name}:
        get:
          operationId: getJob
          parameters: [{$ref: '#/components/parameters/JobName'}]
          responses:
            '200': {description: The job, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
        put:
          operationId: replaceJob
          summary: Replace a job defined through the API (jobs from quire.yaml are changed in the file)
          parameters: [{$ref: '#/components/parameters/JobName'}]
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: '#/components/schemas/JobDefinition'}}}
          responses:
            '200': {description: Replaced, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
        delete:
          operationId: deleteJob
          parameters: [{$ref: '#/components/parameters/JobName'}]
          responses:
            '204': {description: Deleted}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
      /api/v1/jobs/{name}/pause:
        post:
          operationId: pauseJob
          parameters: [{$ref: '#/components/parameters/JobName'}]
          responses:
            '200': {description: Paused, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
      /api/v1/jobs/{name}/resume:
        post:
          operationId: resumeJob
          parameters: [{$ref: '#/components/parameters/JobName'}]
          responses:
            '200': {description: Active again, content: {application/json: {schema: {$ref: '#/components/schemas/Job'}}}}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
      /api/v1/jobs/{name}/trigger:
        post:
          operationId: triggerJob
          summary: Run a job now, optionally overriding parameters
          parameters: [{$ref: '#/components/parameters/JobName'}]
          requestBody:
            required: false
            content:
              application/json:
                schema:
                  type: object
                  additionalProperties: false
                  properties:
                    parameters: {type: object}
          responses:
            '202':
              description: Queued
              headers:
                Location: {schema: {type: string}}
              content: {application/json: {schema: {$ref: '#/components/schemas/Run'}}}
            '400': {$ref: '#/components/responses/Problem'}
            '401': {$ref: '#/components/responses/Problem'}
            '404': {$ref: '#/components/responses/Problem'}
            '409': {$ref: '#/components/responses/Problem'}
            '413': {$ref: '#/components/responses/Problem'}
            '415': {$ref: '#/components/responses/Problem'}
            '503': {$ref: '#/components/responses/Problem'}
    """#
}
