# Aggregate row layout, measured (issue 13): one upsert per (questionnaire, day, unit, service)
# into 300 fixed integer columns (the 100-unsur questionnaire limit) against one packed BLOB.
# Python's sqlite3 (the same SQLite as skm), 20,000 upserts of 9-unsur rows into about 2,000
# keys in one transaction, best of 3. The BLOB column is replaced rather than added to (skm
# adds inside SQLite with a registered function), so its figure is the layout's cost alone.
#   python3 Benchmarks/aggregate_layout.py [DIRECTORY]
import sqlite3, time, struct, random, os, sys, tempfile
directory = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
N=20000
random.seed(1)
keys=[("permenpanrb-14-2017","2025-%02d-%02d"%(random.randint(1,12),random.randint(1,28)),random.randint(1,2),random.randint(1,10)) for _ in range(N)]
def run(name, ddl, sql, rowf):
    p=os.path.join(directory, "%s.db"%name)
    for s in ("","-wal","-shm"):
        try: os.remove(p+s)
        except: pass
    c=sqlite3.connect(p); c.execute("PRAGMA journal_mode=WAL"); c.execute(ddl)
    rows=[k+rowf() for k in keys]
    best=9
    for rep in range(3):
        c.execute("BEGIN"); t=time.perf_counter(); c.executemany(sql,rows); dt=time.perf_counter()-t; c.execute("COMMIT"); best=min(best,dt)
    print(name, "%.2f us/upsert"%(best/N*1e6), os.path.getsize(p))
cols=["u%d_%s"%(i,w) for i in range(100) for w in ("n","s","q")]
ddl="CREATE TABLE a(questionnaire TEXT, day TEXT, unit_id INT, service_id INT, respondents INT, score_sum REAL, score_sumsq REAL, %s, PRIMARY KEY(questionnaire,day,unit_id,service_id)) WITHOUT ROWID"%", ".join(c+" INTEGER NOT NULL DEFAULT 0" for c in cols)
sql="INSERT INTO a(questionnaire,day,unit_id,service_id,respondents,score_sum,score_sumsq,%s) VALUES (%s) ON CONFLICT DO UPDATE SET respondents=respondents+excluded.respondents, score_sum=score_sum+excluded.score_sum, score_sumsq=score_sumsq+excluded.score_sumsq, %s"%(",".join(cols),",".join("?"*(7+300)),", ".join("%s=%s+excluded.%s"%(c,c,c) for c in cols))
run("fixed300", ddl, sql, lambda: (1,3.0,9.0)+tuple([1,3,9]*9+[0]*273))
cols9=cols[:27]
ddl9="CREATE TABLE a(questionnaire TEXT, day TEXT, unit_id INT, service_id INT, respondents INT, score_sum REAL, score_sumsq REAL, %s, PRIMARY KEY(questionnaire,day,unit_id,service_id)) WITHOUT ROWID"%", ".join(c+" INTEGER NOT NULL DEFAULT 0" for c in cols)
sql9="INSERT INTO a(questionnaire,day,unit_id,service_id,respondents,score_sum,score_sumsq,%s) VALUES (%s) ON CONFLICT DO UPDATE SET respondents=respondents+excluded.respondents, score_sum=score_sum+excluded.score_sum, score_sumsq=score_sumsq+excluded.score_sumsq, %s"%(",".join(cols9),",".join("?"*(7+27)),", ".join("%s=%s+excluded.%s"%(c,c,c) for c in cols9))
run("fixed300_set9", ddl9, sql9, lambda: (1,3.0,9.0)+tuple([1,3,9]*9))
blob=b"\x01"+struct.pack("<27q",*([1,3,9]*9))
ddlb="CREATE TABLE a(questionnaire TEXT, day TEXT, unit_id INT, service_id INT, respondents INT, score_sum REAL, score_sumsq REAL, unsur BLOB, PRIMARY KEY(questionnaire,day,unit_id,service_id)) WITHOUT ROWID"
sqlb="INSERT INTO a VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO UPDATE SET respondents=respondents+excluded.respondents, score_sum=score_sum+excluded.score_sum, score_sumsq=score_sumsq+excluded.score_sumsq, unsur=excluded.unsur"
run("blob_replace", ddlb, sqlb, lambda: (1,3.0,9.0,blob))
