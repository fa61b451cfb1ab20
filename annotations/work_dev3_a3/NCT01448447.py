from common import Doc
d = Doc('NCT01448447')
t = d.text

def sole(ctx_n):
    # "Mammosite ML: 34 Gy / 10 fractions (3.4 Gy per fraction) 2 fractions / day (separated by at least 6 hours) Delivered in 5 consecutive working days"
    c = 'Mammosite ML: 34 Gy / 10 fractions (3.4 Gy per fraction) 2 fractions / day (separated by at least 6 hours) Delivered in 5 consecutive working days'
    d.rd('34 Gy / 10 fractions', [34, 34], 'total', [10, 10], [34, 34], ctx=c, n=ctx_n)
    d.rd('3.4 Gy per fraction', [3.4, 3.4], 'per_fraction', None, None, ctx=c, n=ctx_n)
    d.tf('2 fractions / day', None, 'frequency', ctx=c, n=ctx_n)
    d.tf('at least 6 hours', 'PT6H', ctx=c, n=ctx_n)
    d.tf('5 consecutive working days', 'P5D', ctx=c, n=ctx_n)

def boost(ctx_n):
    c = 'Mammosite ML: 5-10.2 Gy / 2-3 fractions (3.4 Gy per fraction) 2 fractions / day (separated by at least 6 hours) Delivered in 1-2 days'
    d.rd('5-10.2 Gy / 2-3 fractions', [5, 10.2], 'total', [2, 3], [5, 10.2], ctx=c, n=ctx_n)
    d.rd('3.4 Gy per fraction', [3.4, 3.4], 'per_fraction', None, None, ctx=c, n=ctx_n)
    d.tf('2 fractions / day', None, 'frequency', ctx=c, n=ctx_n)
    d.tf('at least 6 hours', 'PT6H', ctx=c, n=ctx_n)
    d.tf('1-2 days', 'P1D', vmax='P2D', ctx=c, n=ctx_n)

sole(0); boost(0)
# CRITERIA
L = t[t.find('Eligibility'):t.find('Outcome Measurement:')].split('\n')
inc = {2: False, 3: False, 4: False, 5: False, 6: False, 7: False, 8: False, 9: False, 10: False,
       11: True, 12: False, 13: False, 14: False, 15: False}
exc = {i: False for i in range(17, 30)}
for idx, sec in ((inc, 'inclusion'), (exc, 'exclusion')):
    for i, neg in idx.items():
        d.crit(L[i].strip(), sec, neg, ctx='\n' + L[i] + '\n')
d.tf('less than 8 weeks', 'P8W')
d.tf('no earlier that 2 weeks', 'P2W')
d.tf('a minimum of 2 weeks', 'P2W')
# outcome
d.ep('Ipsilateral Recurrence Rate', 'ipsilateral recurrence rate')
d.ep('Local control rate', 'local control', 'LC')
d.tf('within 5 years', 'P5Y', ctx='tumor recurrence within 5 years = 1')
d.tf('within 5 years', 'P5Y', ctx='tumor recurrence within 5 years = 0')
d.tf('5 years', 'P5Y', ctx='Time frame: 5 years')
# results repeat the arms
sole(1); boost(1)
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 1:')
d.ep('Adverse Events', 'adverse events', 'AE', ctx='Adverse Events 2:')
d.write()
