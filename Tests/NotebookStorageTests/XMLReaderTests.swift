import Testing
@testable import NotebookStorage

@Suite struct XMLReaderTests {
    @Test func readsS3Documents() throws {
        let doc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>
          <Contents><Key>a&amp;b &lt;c&gt; &#233;&#x65E5;</Key><ETag>&quot;abc&quot;</ETag><Size>12</Size>
            <LastModified>2026-01-02T03:04:05.250Z</LastModified></Contents>
          <Contents><Key><![CDATA[x<y>]]></Key><Size>0</Size></Contents>
          <CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes><Empty/>
          <IsTruncated>true</IsTruncated><NextContinuationToken>tok/+=</NextContinuationToken>
        </ListBucketResult>
        """
        let page = try S3ListResult.parse(Array(doc.utf8))
        #expect(page.objects.map(\.key) == ["a&b <c> é日", "x<y>"])
        #expect(page.objects[0].etag == "abc" && page.objects[0].size == 12)
        #expect(page.objects[0].modified?.timeIntervalSince1970 == 1_767_323_045.25)
        #expect(page.folders == ["p/"] && page.nextToken == "tok/+=")
    }

    @Test func urlEncodedKeys() throws {
        let doc = "<ListBucketResult><EncodingType>url</EncodingType><Contents><Key>a+b%2Bc%20%C3%BC</Key></Contents><IsTruncated>false</IsTruncated></ListBucketResult>"
        #expect(try S3ListResult.parse(Array(doc.utf8)).objects.map(\.key) == ["a b+c ü"])
    }

    @Test func errorsAndMalformedInput() {
        let e = S3ErrorMapping.parse(Array("<Error><Code>NoSuchKey</Code><Message>gone &amp; lost</Message></Error>".utf8))
        #expect(e?.code == "NoSuchKey" && e?.message == "gone & lost")
        #expect(throws: XMLSyntaxError.self) { try XMLReader.parse(Array("<a><b></a>".utf8)) }
        #expect(throws: XMLSyntaxError.self) { try XMLReader.parse(Array("<a>&bogus;</a>".utf8)) }
        #expect(throws: XMLSyntaxError.self) { try XMLReader.parse(Array("".utf8)) }
        #expect(throws: XMLSyntaxError.self) { try XMLReader.parse(Array("<a x=\"unterminated>".utf8)) }
        #expect(throws: XMLSyntaxError.self) { try XMLReader.parse(Array("<a><b>".utf8)) }
        #expect(throws: XMLSyntaxError.self) {
            try S3ListResult.parse(Array("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>".utf8))
        }
    }

    @Test func httpDates() {
        #expect(S3Dates.http("Fri, 02 Jan 2026 03:04:05 GMT")?.timeIntervalSince1970 == 1_767_323_045)
        #expect(S3Dates.iso8601("2026-01-02T03:04:05Z")?.timeIntervalSince1970 == 1_767_323_045)
        #expect(S3Dates.iso8601("garbage") == nil)
    }
}
