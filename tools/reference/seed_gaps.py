"""Forward-only vs first-order HM gap, mean over seeds 0-2, from docs/results/reference/subspace-gn.

    python3 tools/reference/seed_gaps.py > docs/results/reference/subspace-gn/seeds/gaps.txt
"""
import glob
import json
import statistics as st

D = "docs/results/reference/subspace-gn/"
zo = {}
files = glob.glob(D + 'seeds/*.results.json') + glob.glob(D + '*.results.json')
for f in files:
    for r in json.load(open(f))['results']:
        if r['shots'] != 16 or r['method'] not in ('coop', 'zebra'): continue
        s = r['setting']
        if s.split('/')[0] not in ('mic-mid','factory-mild','hall-heavy') or 'm=16' in s: continue
        zo[(s, r['method'], r['seed'])] = r['hm']
fo = {}
for f in [D + 'seeds/first_order.jsonl', D + 'first_order.jsonl', 'docs/results/reference/first_order.jsonl']:
    for line in open(f):
        if not line.startswith('{'): continue
        r = json.loads(line)
        if r.get('shots') != 16: continue
        base = r['setting'].split('/')[0]
        if 'm16' in r['setting'] or 'm=16' in r['setting'] or base not in ('mic-mid','factory-mild','hall-heavy'): continue
        if r.get('steps', 300) != 300 or abs(r.get('lr', 0.01) - 0.01) > 1e-9: continue
        fo[(base, r['method'], r['seed'])] = r['hm']
for cfg in ['optimizer=subspace-gn/steps=30/directions=64', 'optimizer=subspace-gn/steps=15/directions=32/lr=0.03']:
    print('==', cfg)
    allg = {'coop': [], 'zebra': []}
    for s in ['mic-mid','factory-mild','hall-heavy']:
        for m in ['coop','zebra']:
            z = [zo.get((s+'/'+cfg, m, sd)) for sd in (0,1,2)]
            f = [fo.get((s, m, sd)) for sd in (0,1,2)]
            if None in z or None in f:
                print(s, m, 'missing', z, f); continue
            gap = 100*(st.mean(f) - st.mean(z))
            allg[m].append(gap)
            print(f"{s:13s} {m:6s} FO {100*st.mean(f):.1f}±{100*st.stdev(f):.1f}  ZO {100*st.mean(z):.1f}±{100*st.stdev(z):.1f}  gap {gap:.2f}  per-seed {[round(100*(a-b),1) for a,b in zip(f,z)]}")
    print({k: round(st.mean(v),2) for k,v in allg.items() if v})
