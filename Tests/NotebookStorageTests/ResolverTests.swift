import Foundation
import Testing
@testable import NotebookStorage

@Suite struct ResolverTests {
    let resolver = StoreResolver(environment: [:])

    @Test func parsesEveryKindOfLocation() throws {
        let s3 = try resolver.location("s3://my-bucket/runs/a b/ü+=.ipynb")
        #expect((s3.store as? S3Store)?.bucket == "my-bucket" && s3.key == "runs/a b/ü+=.ipynb")
        #expect(s3.url == "s3://my-bucket/runs/a b/ü+=.ipynb")
        let http = try resolver.location("https://example.org:8443/nb/x.ipynb?raw=1#frag")
        #expect((http.store as? HTTPStore)?.origin == "https://example.org:8443" && http.key == "/nb/x.ipynb?raw=1")
        #expect(http.url == "https://example.org:8443/nb/x.ipynb?raw=1")
        let file = try resolver.location("file:///tmp/a%20b.ipynb")
        #expect(file.store is LocalStore && file.key == "/tmp/a b.ipynb")
        let plain = try resolver.location("rel/x.ipynb")
        #expect(plain.store is LocalStore && plain.key == "rel/x.ipynb" && plain.url == "rel/x.ipynb")
        #expect(throws: StorageError.self) { try resolver.location("s3:///key") }
        #expect(throws: StorageError.self) { try resolver.location("gs://bucket/key") }
        #expect(throws: StorageError.self) { try resolver.location("file://otherhost/x") }
        #expect(StoreResolver.isURL("S3://b/k") && !StoreResolver.isURL("/tmp/x.ipynb"))
    }

    @Test func configurationFromEnvironment() {
        let c = S3Configuration.fromEnvironment([
            "AWS_ACCESS_KEY_ID": "AK", "AWS_SECRET_ACCESS_KEY": "SK", "AWS_SESSION_TOKEN": "TOK",
            "AWS_DEFAULT_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_S3": "http://s3:2",
            "HOME": "/nonexistent",
        ])
        #expect(c.credentials == AWSCredentials(accessKeyID: "AK", secretAccessKey: "SK", sessionToken: "TOK"))
        #expect(c.region == "eu-west-1" && c.endpoint == "http://s3:2")
        let r = S3Configuration.fromEnvironment(["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "eu-west-1", "HOME": "/nonexistent"])
        #expect(r.region == "ap-south-1" && r.credentials == nil && r.endpoint == nil)
    }

    @Test func configurationFromProfiles() throws {
        let dir = try TempFolder()
        try """
        # comment
        [default]
        aws_access_key_id = DEFAULTKEY
        aws_secret_access_key = DEFAULTSECRET

        [work]
        aws_access_key_id=WORKKEY
        aws_secret_access_key = WORK/SECRET+=
        aws_session_token = WORKTOKEN
        """.write(toFile: dir.path + "/credentials", atomically: true, encoding: .utf8)
        try """
        [profile work]
        region = eu-central-1
        endpoint_url = http://minio:9000
        s3 =
          addressing_style = path
        """.write(toFile: dir.path + "/config", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.path + "/.aws", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: dir.path + "/credentials", toPath: dir.path + "/.aws/credentials")

        let work = S3Configuration.fromEnvironment(["AWS_PROFILE": "work", "AWS_SHARED_CREDENTIALS_FILE": dir.path + "/credentials",
                                                   "AWS_CONFIG_FILE": dir.path + "/config", "HOME": "/nonexistent"])
        #expect(work.credentials == AWSCredentials(accessKeyID: "WORKKEY", secretAccessKey: "WORK/SECRET+=", sessionToken: "WORKTOKEN"))
        #expect(work.region == "eu-central-1" && work.endpoint == "http://minio:9000")
        // ~/.aws/credentials under HOME, default profile.
        let def = S3Configuration.fromEnvironment(["HOME": dir.path])
        #expect(def.credentials?.accessKeyID == "DEFAULTKEY" && def.region == "us-east-1")
        // Environment keys win over the profile, as with the AWS CLI.
        let env = S3Configuration.fromEnvironment(["HOME": dir.path, "AWS_ACCESS_KEY_ID": "E", "AWS_SECRET_ACCESS_KEY": "S"])
        #expect(env.credentials?.accessKeyID == "E")
        let missing = S3Configuration.fromEnvironment(["HOME": dir.path, "AWS_PROFILE": "nope"])
        #expect(missing.credentials == nil && missing.credentialsProblem.contains("\"nope\""))
    }

    @Test func addressing() {
        var c = S3Configuration(credentials: nil, region: "eu-west-1")
        let virtual = S3Addressing(config: c, bucket: "bkt", key: "a b/ü.ipynb")
        #expect(virtual.url(query: []) == "https://bkt.s3.eu-west-1.amazonaws.com/a%20b/%C3%BC.ipynb")
        let dotted = S3Addressing(config: c, bucket: "my.bkt", key: "k")
        #expect(dotted.url(query: [("x", "1 2")]) == "https://s3.eu-west-1.amazonaws.com/my.bkt/k?x=1%202")
        c.endpoint = "http://127.0.0.1:80/base/"
        let path = S3Addressing(config: c, bucket: "bkt", key: "k+1")
        #expect(path.url(query: []) == "http://127.0.0.1:80/base/bkt/k%2B1" && path.host == "127.0.0.1")
    }
}
