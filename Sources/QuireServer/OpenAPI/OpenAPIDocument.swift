/// The API description served at `/api/v1/openapi.yaml`. It is the contract: the test suite
/// validates it (openapi-spec-validator) and checks the live server against it (schemathesis).
enum OpenAPIDocument {
    /// Header, then paths and components, each in its own file; joined line by line.
    static let yaml = [header, paths, components].joined(separator: "\n")

    /// `openapi`, `info`, `servers`, `security`.
    static let header = #"""
    openapi: 3.1.0
    info:
      title: Quire API
      version: 0.2.0
      description: |
        Submit, schedule, watch and cancel notebook runs. Every error is an RFC 9457 problem
        document (`application/problem+json`); bad input is a 400 whose `field` names the
        offending field. With tokens configured, every call except `/healthz` and this document
        needs `Authorization: Bearer <token>`.
    servers:
      - url: /
    security:
      - bearer: []
    """#
}
