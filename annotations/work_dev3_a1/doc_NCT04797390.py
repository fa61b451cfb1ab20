from helper import Doc
d = Doc('NCT04797390')
t = d.text
# No DRUG, RADIATION_DOSE or ENDPOINT ("effectiveness" is a vague aim).
d.tf('within 30 days', 'duration', 'P30D')
d.tf('within 3 months', 'duration', 'P3M')
elig = t[t.index('Inclusion Criteria:~'):]
lines = elig.split('~')
assert lines[0] == 'Inclusion Criteria:'
# attrs decided line by line by reading (None = heading)
attrs = [
    None,                      # Inclusion Criteria:
    ('inclusion', False),      # Age  18 years
    ('inclusion', False),      # Pathologically confirmed cancer of the HNC (...)
    ('inclusion', False),      # Completed curative intent cancer therapy with no evidence of active cancer ... (main concept: completed therapy)
    ('inclusion', False),      # A diagnosis of ... lymphedema
    ('inclusion', False),      # At least one core lymphedema associated symptom ...
    ('inclusion', False),      # Must be able and willing ...
    ('inclusion', False),      # Must be able to speak and understand English
    None,                      # Exclusion Criteria:
    ('exclusion', False),      # Previous APCD or Usual Care treatment for HNC LEF
    ('exclusion', False),      # Acute facial infection
    ('exclusion', False),      # Known carotid sinus hypersensitivity syndrome
    ('exclusion', False),      # Symptomatic carotid artery disease ...
    ('exclusion', False),      # Internal jugular venous thrombosis (within 3 months)
    ('exclusion', False),      # Patient is pregnant or trying to become pregnant
]
assert len(attrs) == len(lines), (len(attrs), len(lines))
for line, a in zip(lines, attrs):
    if a is None:
        continue
    q = line.strip()
    d.crit(q, a[0], a[1], ctx=('~' + q) if ('~' + q) in t else q)
if __name__ == '__main__':
    d.show(); print(d.check())
