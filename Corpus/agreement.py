#!/usr/bin/env python3
# Prints how often soatxet agrees with the corpus labels of one pack (development aid; make accuracy is the measured one).
import json,subprocess,sys,glob,os
pack=sys.argv[1]
files=sorted(f for f in glob.glob(f"Corpus/{pack}/*.txt") if "." not in os.path.basename(f)[:-4])  # base reports, not <slug>.<variant>.txt
out=subprocess.run(["./.build/debug/soatxet","check","--pack",pack,"--format","json"]+files,capture_output=True,text=True)
d=json.loads(out.stdout)
agree=total=exact=0
per={}
for doc in d["documents"]:
    base=os.path.basename(doc["path"])[:-4]
    exp=json.load(open(f"Corpus/{pack}/{base}.expected.json"))["requirements"]
    for r in doc["requirements"]:
        e=exp[r["id"]]["status"]; g=r["status"]
        total+=1; exact+= e==g; ok=(e=="met")==(g=="met"); agree+=ok
        per.setdefault(r["id"],[0,0]); per[r["id"]][0]+=ok; per[r["id"]][1]+=1
        if not ok: print(f"  {base:45s} {r['id']:22s} expected {e:8s} got {g:8s} {r['detail'][:80]}")
print(f"met/not-met {agree}/{total} = {agree/total:.1%}; exact {exact/total:.1%}")
for k,(a,t) in per.items(): print(f"  {k:25s} {a}/{t}")
