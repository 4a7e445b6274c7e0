#!/usr/bin/env python3
"""Save -> the next request answered by the new code, for one function, under `start --watch` (issue 14 item 1).

Starts the local runtime with a one-function template (OrdersApiFunction from order-resolver's zip, no
authorizer), then RUNS times: waits 3 s, saves a one-string change to OrdersProblems.java the way editors do
(write a temporary file, rename it over the source), and times until POST /orders/resolve answers with the new
title. Prints each run with the runtime's reload line, then the median. The source file is restored at the end.

    ./mvnw -q -o -DskipTests package   # once: the zips and infra/local's classes
    python3 infra/benchmarks/scripts/save-to-new-code.py [RUNS]

Run from the repository root on a built tree; uses free ports only.
"""
import json, os, re, statistics, subprocess, sys, time, urllib.request, urllib.error
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
extra = sys.argv[2:]  # extra runtime args
cp_file = os.path.join(root, "infra/local/target/save-to-new-code.classpath")
subprocess.run(["./mvnw", "-q", "-o", "-pl", "infra/local", "-am", "-DskipTests", "-Dcheckstyle.skip", "package",
                "dependency:build-classpath",
                "-Dmdep.outputFile=" + cp_file], cwd=root, check=True)
cp = os.path.join(root, "infra/local/target/classes") + os.pathsep + open(cp_file).read().strip()
template = os.path.join(root, ".watchbench-template.yaml")
open(template, "w").write("""AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: java21
    MemorySize: 1024
    Timeout: 20
    Environment:
      Variables:
        JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
  OrdersApiFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/order-resolver/target/order-resolver.zip
      Handler: dev.fnbundle.orders.OrdersApiHandler::handleRequest
      Environment:
        Variables:
          ORDERS_TABLE: !Ref OrdersTable
          RUN_TASK_QUEUE_URL: http://127.0.0.1:9/none
      Events:
        Resolve:
          Type: HttpApi
          Properties:
            ApiId: !Ref Api
            Method: POST
            Path: /orders/resolve
""")
source = os.path.join(root, "functions/order-resolver/src/main/java/dev/fnbundle/orders/OrdersProblems.java")
original = open(source).read()
assert '"Dependency cycle"' in original
java = os.environ.get("FNBUNDLE_JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
cmd = [java, "--enable-native-access=ALL-UNNAMED", "-Dfnbundle.root=" + root,
       "-Dfnbundle.ric=" + root + "/infra/local/target/ric",
       "-Dfnbundle.portable.client=" + root + "/infra/local/target/portable-client", "-cp", cp,
       "dev.fnbundle.local.LocalRuntimeMain", "start", "--template", template, "--port", "0", "--dynamodb-port", "0",
       "--sqs-port", "0", "--no-mail", "--no-logs", "--watch"] + extra
proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
port = None
import threading
def pump():
    global port
    for line in proc.stdout:
        lines.append(line.rstrip())
        m = re.search(r"http://localhost:(\d+)/_local/console", line)
        if m and port is None:
            port = int(m.group(1))
threading.Thread(target=pump, daemon=True).start()
try:
    t = time.time()
    while port is None:
        if time.time() - t > 300 or proc.poll() is not None:
            raise SystemExit("runtime did not start:\n" + "\n".join(lines))
        time.sleep(0.2)
    base = "http://127.0.0.1:%d" % port
    while True:
        try:
            if urllib.request.urlopen(base + "/_local/health").status == 200:
                break
        except urllib.error.HTTPError:
            pass
        time.sleep(0.25)
    def title():
        req = urllib.request.Request(base + "/orders/resolve", data=b'{"graph":{"a":["b"],"b":["a"]}}',
                                     headers={"content-type": "application/json"}, method="POST")
        try:
            body = urllib.request.urlopen(req, timeout=60).read()
        except urllib.error.HTTPError as e:
            body = e.read()
        return json.loads(body).get("title")
    print("serving:", title())
    figures = []
    for i in range(1, runs + 1):
        time.sleep(3)
        wanted = "Dependency cycle %d" % i
        before = len(lines)
        open(source + ".partial", "w").write(original.replace('"Dependency cycle"', '"%s"' % wanted))
        t0 = time.time()
        os.replace(source + ".partial", source)
        while title() != wanted:
            time.sleep(0.02)
        figures.append((time.time() - t0) * 1000)
        time.sleep(0.5)
        print("run %d: %.0f ms | %s" % (i, figures[-1], " / ".join(l for l in lines[before:] if "reload" in l)))
    print("save -> new code answering: median %.0f ms, min %.0f, max %.0f, n=%d" % (
        statistics.median(figures), min(figures), max(figures), len(figures)))
finally:
    open(source, "w").write(original)
    os.remove(template)
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
