from lib import Doc
d = Doc('NCT00001807')
t = d.text
# DRUG: gadolinium as an MRI contrast agent (precedent NCT04736199: gadolinium-based contrast agents, class)
d.D('Gadolinium', 'gadolinium-based contrast agents', kind='class')
# no RADIATION_DOSE, TIMEFRAME or ENDPOINT (see notes)
# CRITERION: the real eligibility section (after the line "Eligibility" and "-  INCLUSION CRITERIA:")
start = t.index('-  INCLUSION CRITERIA:')
def crit(q, section, neg=False):
    occ = [i for i in range(len(t)) if t.startswith(q, i)]
    k = [j for j, i in enumerate(occ) if i > start]
    assert len(k) == 1, q
    d.C(q, section, neg, at=k[0])
crit('Patients with brain tumors or patients receiving high-dose systemic chemotherapy, intrathecal chemotherapy (lumbar puncture or intra-Ommaya), or cranial radiation therapy or patients with documented or suspected clinical neurotoxicity presumed to be caused by treatment for cancer.', 'inclusion')
crit('Durable Power of Attorney (DPA) should be offered to all patients greater than or equal to 18 years of age.', 'inclusion')
crit('All patients or their legal guardians (if the patient is less than 18 years of age) must sign a document of informed consent indicating their awareness of the investigational nature and the risks of this study. When appropriate, the minor patient will sign a written assent.', 'inclusion')
crit('Pregnancy.', 'exclusion')
crit('Patients with braces or permanent retainers.', 'exclusion')
crit('Patients with pre-existing neurologic or genetic conditions, unrelated to the tumor.', 'exclusion')
crit('Patients who are unable (either because of physical or psychological factors) to undergo imaging studies and who are not a candidate for anesthesia.', 'exclusion', neg=True)
crit('Patients who have an absent gag reflex or swallowing difficulties.', 'exclusion')
crit('Metallic implants, including cardiac pacemakers, neural pacemakers, shrapnel, cochlear implants or ferrous surgical clips.', 'exclusion')
crit('History of severe reaction to Gadolinium.', 'exclusion')
d.save()
