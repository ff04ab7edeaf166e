#!/usr/bin/env python3
"""Writes the made-up test files in the real Avazu and Criteo layouts (python3 make_files.py).

Every value is invented. Clicks follow a known rule, so a model trained on the files must find it:
  Avazu:  logit = -2.0 + 2.0 [site_category == 28905ebd] + 1.2 [device_type == 1] - 1.5 [banner_pos == 1]
  Criteo: logit = -2.0 + 2.5 [C1 == 68fd1e64] + 1.0 [I1 >= 5] - 1.0 [C2 empty]
"""
import math, random

rng = random.Random(19)

def coin(logit):
    return 1 if rng.random() < 1 / (1 + math.exp(-logit)) else 0

def hx():
    return '%08x' % rng.getrandbits(32)

cats = ['28905ebd', '50e219e0', 'f028772b', '3e814130']
header = ('id,click,hour,C1,banner_pos,site_id,site_domain,site_category,app_id,app_domain,app_category,'
          'device_id,device_ip,device_model,device_type,device_conn_type,C14,C15,C16,C17,C18,C19,C20,C21')
sites = [hx() for _ in range(12)]
models = [hx() for _ in range(8)]
with open('avazu-sample.csv', 'w') as f:
    f.write(header + '\n')
    for i in range(600):
        day = 21 + i // 200
        hour = '1410%02d%02d' % (day, (i * 7) % 24)
        cat = rng.choice(cats)
        dtype = rng.choice(['0', '1', '1', '4'])
        banner = rng.choice(['0', '0', '1'])
        click = coin(-2.0 + 2.0 * (cat == '28905ebd') + 1.2 * (dtype == '1') - 1.5 * (banner == '1'))
        site = rng.choice(sites)
        row = ['%d' % (10000000000000000000 + i * 7919), str(click), hour, '1005', banner, site, site[::-1], cat,
               'ecad2386', '7801e8d9', '07d7df22', 'a99f214a', hx(), rng.choice(models), dtype,
               rng.choice(['0', '2', '3']), str(15700 + rng.randrange(200)), '320', '50',
               str(1700 + rng.randrange(30)), '0', '35', rng.choice(['-1', '100084']), '79']
        f.write(','.join(row) + '\n')

c1 = ['68fd1e64', '05db9164', '8cf07265', 'be589b51']
with open('criteo-sample.txt', 'w') as f:
    for i in range(500):
        ints = [str(rng.randrange(0, 20)) if rng.random() > 0.2 else '' for _ in range(13)]
        cats26 = [hx() if rng.random() > 0.1 else '' for _ in range(26)]
        cats26[0] = rng.choice(c1)
        cats26[1] = rng.choice([hx(), hx(), ''])
        i1 = int(ints[0]) if ints[0] else 0
        label = coin(-2.0 + 2.5 * (cats26[0] == '68fd1e64') + 1.0 * (i1 >= 5) - 1.0 * (cats26[1] == ''))
        f.write('\t'.join([str(label)] + ints + cats26) + '\n')

# Malformed copies, each with two bad lines at known line numbers (1-based, the Avazu header is line 1).
lines = open('avazu-sample.csv').read().split('\n')
lines[41] = lines[41].replace(',0,1410', ',x,1410').replace(',1,1410', ',x,1410')  # line 42: click 'x'
lines[99] = ','.join(lines[99].split(',')[:20])  # line 100: 20 columns
open('avazu-malformed.csv', 'w').write('\n'.join(lines))
lines = open('criteo-sample.txt').read().split('\n')
p = lines[9].split('\t'); p[3] = '12abc'; lines[9] = '\t'.join(p)  # line 10: I3 not an integer
lines[199] = '\t'.join(lines[199].split('\t')[:30])  # line 200: 30 fields
open('criteo-malformed.txt', 'w').write('\n'.join(lines))
