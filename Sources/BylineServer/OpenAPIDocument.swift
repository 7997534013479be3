import Foundation

/// The OpenAPI 3.1 document that describes every route and schema of the JSON API, written by
/// hand in `Resources/openapi.json` and served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let data = Data(PackageResources.openapi_json)
}
