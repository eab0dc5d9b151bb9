extension OpenAPIDocument {
    /// Security scheme, shared parameters and responses, and the schemas.
    static let components = #"""
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
      parameters:
        RunID: {name: id, in: path, required: true, schema: {type: string}}
        JobName: {name: name, in: path, required: true, schema: {type: string}}
      responses:
        Problem:
          description: RFC 9457 problem details
          content:
            application/problem+json:
              schema: {$ref: '#/components/schemas/Problem'}
      schemas:
        Problem:
          type: object
          required: [type, title, status, detail]
          properties:
            type: {type: string}
            title: {type: string}
            status: {type: integer}
            detail: {type: string}
            field: {type: string, description: JSON path of the bad field, or the name of the bad query parameter or header}
        Health:
          type: object
          required: [status]
          properties:
            status: {type: string}
            version: {type: string}
        RunStatus:
          type: string
          enum: [queued, running, succeeded, failed, timed_out, cancelled]
        RunError:
          type: object
          required: [ename, evalue, cell]
          properties:
            ename: {type: string}
            evalue: {type: string}
            cell: {type: [integer, 'null'], description: Index of the failing cell in the output notebook}
        SubmitRun:
          type: object
          additionalProperties: false
          required: [notebook]
          properties:
            notebook: {type: string, minLength: 1, description: Path or store URL (s3://, file://, http(s)://)}
            parameters: {type: object}
            kernel: {type: [string, 'null']}
            timeout: {type: [number, 'null'], exclusiveMinimum: 0, maximum: 2592000, description: Seconds the whole run may take}
            tags: {type: array, items: {type: string, minLength: 1, maxLength: 200}}
        Run:
          type: object
          required: [id, status, job, notebook, parameters, created, started, finished, error, output, attempt, max_attempts]
          properties:
            id: {type: string}
            status: {$ref: '#/components/schemas/RunStatus'}
            job: {type: [string, 'null']}
            notebook: {type: string}
            parameters: {type: object, description: Effective parameters; secrets appear as placeholders}
            secret_parameters: {type: array, items: {type: string}}
            kernel: {type: [string, 'null']}
            kernel_resolved: {type: [string, 'null']}
            tags: {type: array, items: {type: string}}
            owner: {type: [string, 'null']}
            attempt: {type: integer}
            max_attempts: {type: integer}
            timeout: {type: [number, 'null']}
            created: {type: string}
            started: {type: [string, 'null']}
            finished: {type: [string, 'null']}
            scheduled_for: {type: [string, 'null']}
            not_before: {type: [string, 'null']}
            worker: {type: [string, 'null']}
            cancel_requested: {type: boolean}
            input_sha256: {type: [string, 'null']}
            input_snapshot: {type: [string, 'null']}
            output: {type: [string, 'null']}
            rerun_of: {type: [string, 'null']}
            error:
              oneOf:
                - {type: 'null'}
                - {$ref: '#/components/schemas/RunError'}
            transitions:
              type: array
              items:
                type: object
                required: [status, at, attempt]
                properties:
                  status: {$ref: '#/components/schemas/RunStatus'}
                  at: {type: string}
                  attempt: {type: integer}
                  worker: {type: [string, 'null']}
                  note: {type: [string, 'null']}
        JobDefinition:
          type: object
          additionalProperties: false
          required: [name, notebook]
          properties:
            name: {type: string, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'}
            notebook: {type: string, minLength: 1}
            parameters: {type: object}
            secrets: {type: object, additionalProperties: {type: string}, description: parameter → environment variable of the worker holding its value}
            secret_env: {type: object, additionalProperties: {type: string}, description: kernel variable → environment variable of the worker}
            env: {type: object, additionalProperties: {type: string}}
            kernel: {type: [string, 'null']}
            schedule: {type: [string, 'null'], description: 5-field cron expression or @hourly-style macro}
            timezone: {type: string, description: IANA time zone of the schedule}
            timeout: {type: [number, 'null'], exclusiveMinimum: 0}
            retries:
              oneOf:
                - {type: integer, minimum: 1}
                - type: object
                  additionalProperties: false
                  properties:
                    max_attempts: {type: integer, minimum: 1}
                    backoff: {type: number, minimum: 0}
                    max_backoff: {type: number, minimum: 0}
                    jitter: {type: string, enum: [full, equal]}
            concurrency: {type: string, enum: [allow, forbid, replace]}
            catchup:
              oneOf:
                - {type: string, enum: [skip, latest, all]}
                - type: object
                  additionalProperties: false
                  properties:
                    policy: {type: string, enum: [skip, latest, all]}
                    window: {type: number, minimum: 0}
            tags: {type: array, items: {type: string}}
            owner: {type: [string, 'null']}
            active: {type: boolean}
            cwd: {type: [string, 'null']}
            requires: {type: array, items: {type: string}}
        Job:
          type: object
          required: [name, definition, source, active, next_fire, last_run]
          properties:
            name: {type: string}
            definition: {$ref: '#/components/schemas/JobDefinition'}
            source: {type: string, enum: [config, api]}
            active: {type: boolean}
            owner: {type: [string, 'null']}
            schedule_summary: {type: [string, 'null']}
            next_fire: {type: [string, 'null']}
            last_run:
              oneOf:
                - {type: 'null'}
                - type: object
                  required: [id, status]
                  properties:
                    id: {type: string}
                    status: {$ref: '#/components/schemas/RunStatus'}
                    finished: {type: [string, 'null']}
            created: {type: string}
            updated: {type: string}
    """#
}
