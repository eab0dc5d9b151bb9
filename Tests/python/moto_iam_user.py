"""Prepares a moto server for the wrong-credentials test, then switches its authentication on.

Creates an IAM user with an access key and a policy allowing every S3 action, a bucket
"auth-bucket" holding "nb.ipynb" ("{}"), and POSTs /moto-api/reset-auth with 0 so that every
later request is authenticated. Prints "ACCESS_KEY_ID SECRET".
"""
import json
import sys
import urllib.request

import boto3

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="setup", aws_secret_access_key="setup")
iam = boto3.client("iam", **kw)
iam.create_user(UserName="quire")
iam.put_user_policy(UserName="quire", PolicyName="s3", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="quire")["AccessKey"]
s3 = boto3.client("s3", **kw)
s3.create_bucket(Bucket="auth-bucket")
s3.put_object(Bucket="auth-bucket", Key="nb.ipynb", Body=b"{}")
# Not form-encoded: moto reads the count from the raw body, which Flask leaves empty for forms.
urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"})).read()
print(key["AccessKeyId"], key["SecretAccessKey"])
