#!/usr/bin/env python3
"""Generate the CTCAE v5.0 term layer: Sources/CaseboardVocabularies/Resources/ctcae_terms.tsv.

The Common Terminology Criteria for Adverse Events v5.0 (NCI, U.S. Department of Health and Human
Services, November 27, 2017; a U.S. Government work in the public domain) names each adverse
event under a MedDRA system organ class (SOC). This script holds the term names by SOC, as facts,
and writes the terms the curated table (`adverse_events.tsv`, from vocabularies/curated) does not
already have, with a few synonyms authors use. The curated table stays on top: it keeps its own
terms and synonyms, and no form it, the disease tables or the drug table own is added here.

MedDRA LLT codes are left out: they were not checked against the NCI spreadsheet.
"Other, specify" rows are not words authors write and are not listed.

Usage: python3 scripts/generate_ctcae.py
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "CaseboardVocabularies", "Resources")

CTCAE = {
    "Blood and lymphatic system disorders": """anemia; bone marrow hypocellular; disseminated intravascular coagulation; eosinophilia;
        febrile neutropenia; hemolysis; hemolytic uremic syndrome; leukocytosis; lymph node pain; methemoglobinemia;
        spleen disorder; thrombotic thrombocytopenic purpura""",
    "Cardiac disorders": """aortic valve disease; asystole; atrial fibrillation; atrial flutter; atrioventricular block complete;
        atrioventricular block first degree; cardiac arrest; chest pain - cardiac; conduction disorder; constrictive pericarditis;
        heart failure; left ventricular systolic dysfunction; mitral valve disease; mobitz (type) ii atrioventricular block;
        mobitz type i; myocardial infarction; myocarditis; palpitations; paroxysmal atrial tachycardia; pericardial effusion;
        pericardial tamponade; pericarditis; pulmonary valve disease; restrictive cardiomyopathy; right ventricular dysfunction;
        sick sinus syndrome; sinus bradycardia; sinus tachycardia; supraventricular tachycardia; tricuspid valve disease;
        ventricular arrhythmia; ventricular fibrillation; ventricular tachycardia; wolff-parkinson-white syndrome""",
    "Ear and labyrinth disorders": """ear pain; external ear inflammation; external ear pain; hearing impaired; middle ear inflammation; tinnitus; vertigo;
        vestibular disorder""",
    "Endocrine disorders": """adrenal insufficiency; cushingoid; delayed puberty; growth accelerated; hyperparathyroidism;
        hyperthyroidism; hypoparathyroidism; hypophysitis; hypopituitarism; hypothyroidism; precocious puberty;
        testosterone deficiency; virilization""",
    "Eye disorders": """blurred vision; cataract; conjunctivitis; corneal ulcer; dry eye; extraocular muscle paresis; eye pain;
        eyelid function disorder; flashing lights; floaters; glaucoma; keratitis; night blindness; optic nerve disorder;
        papilledema; photophobia; retinal detachment; retinal tear; retinal vascular disorder; retinopathy; scleral disorder;
        uveitis; vitreous hemorrhage; watering eyes""",
    "Gastrointestinal disorders": """abdominal distension; abdominal pain; anal fissure; anal fistula; anal hemorrhage;
        anal mucositis; anal necrosis; anal pain; anal stenosis; anal ulcer; ascites; belching; bloating; cecal hemorrhage;
        cheilitis; chylous ascites; colitis; colonic fistula; colonic hemorrhage; colonic obstruction; colonic perforation;
        colonic stenosis; colonic ulcer; constipation; dental caries; diarrhea; dry mouth; duodenal fistula; duodenal hemorrhage;
        duodenal obstruction; duodenal perforation; duodenal stenosis; duodenal ulcer; dyspepsia; dysphagia; enterocolitis;
        enterovesical fistula; esophageal fistula; esophageal hemorrhage; esophageal necrosis; esophageal obstruction;
        esophageal pain; esophageal perforation; esophageal stenosis; esophageal ulcer; esophageal varices hemorrhage;
        esophagitis; fecal incontinence; flatulence; gastric fistula; gastric hemorrhage; gastric necrosis; gastric perforation;
        gastric stenosis; gastric ulcer; gastritis; gastroesophageal reflux disease; gastrointestinal fistula;
        gastrointestinal pain; gastroparesis; gingival pain; hemorrhoidal hemorrhage; hemorrhoids; ileal fistula;
        ileal hemorrhage; ileal obstruction; ileal perforation; ileal stenosis; ileal ulcer; ileus; intra-abdominal hemorrhage;
        jejunal fistula; jejunal hemorrhage; jejunal obstruction; jejunal perforation; jejunal stenosis; jejunal ulcer; lip pain;
        lower gastrointestinal hemorrhage; malabsorption; mucositis oral; nausea; obstruction gastric; oral cavity fistula;
        oral dysesthesia; oral hemorrhage; oral pain; pancreatic duct stenosis; pancreatic fistula; pancreatic hemorrhage;
        pancreatic necrosis; pancreatitis; periodontal disease; peritoneal necrosis; proctitis; rectal fistula;
        rectal hemorrhage; rectal mucositis; rectal necrosis; rectal obstruction; rectal pain; rectal perforation;
        rectal stenosis; rectal ulcer; retroperitoneal hemorrhage; salivary duct inflammation; salivary gland fistula;
        small intestinal mucositis; small intestinal obstruction; small intestinal perforation; small intestinal stenosis;
        small intestine ulcer; stomach pain; tooth development disorder; tooth discoloration; toothache; typhlitis;
        upper gastrointestinal hemorrhage; visceral arterial ischemia; vomiting""",
    "General disorders and administration site conditions": """chills; death neonatal; death nos; disease progression; edema face;
        edema limbs; edema trunk; facial pain; fatigue; fever; flu like symptoms; gait disturbance; generalized edema;
        hypothermia; infusion site extravasation; injection site reaction; irritability; localized edema; malaise;
        multi-organ failure; neck edema; non-cardiac chest pain; pain; sudden death nos""",
    "Hepatobiliary disorders": """bile duct stenosis; biliary fistula; cholecystitis; gallbladder fistula; gallbladder necrosis;
        gallbladder obstruction; gallbladder pain; gallbladder perforation; hepatic failure; hepatic hemorrhage; hepatic necrosis;
        hepatic pain; perforation bile duct; portal hypertension; portal vein thrombosis; sinusoidal obstruction syndrome""",
    "Immune system disorders": """allergic reaction; anaphylaxis; autoimmune disorder; cytokine release syndrome; serum sickness""",
    "Infections and infestations": """abdominal infection; anorectal infection; appendicitis; appendicitis perforated;
        arteritis infective; bacteremia; biliary tract infection; bladder infection; bone infection; breast infection;
        bronchial infection; catheter related infection; cecal infection; cervicitis infection; conjunctivitis infective;
        corneal infection; cranial nerve infection; cytomegalovirus infection reactivation; device related infection;
        duodenal infection; encephalitis infection; encephalomyelitis infection; endocarditis infective; endophthalmitis;
        enterocolitis infectious; epstein-barr virus infection reactivation; esophageal infection; eye infection;
        gallbladder infection; gum infection; hepatic infection; hepatitis b reactivation; hepatitis viral;
        herpes simplex reactivation; infective myositis; joint infection; kidney infection; laryngitis; lip infection;
        lung infection; lymph gland infection; mediastinal infection; meningitis; mucosal infection; nail infection;
        otitis externa; otitis media; ovarian infection; pancreas infection; papulopustular rash; paronychia; pelvic infection;
        penile infection; periorbital infection; peripheral nerve infection; peritoneal infection; pharyngitis;
        phlebitis infective; pleural infection; prostate infection; rash pustular; rhinitis infective; salivary gland infection;
        scrotal infection; sepsis; shingles; sinusitis; skin infection; small intestine infection; soft tissue infection;
        splenic infection; stoma site infection; thrush; tooth infection; tracheitis; upper respiratory infection;
        urethral infection; urinary tract infection; uterine infection; vaginal infection; vulval infection; wound infection""",
    "Injury, poisoning and procedural complications": """ankle fracture; aortic injury; arterial injury; biliary anastomotic leak;
        bladder anastomotic leak; bruising; burn; dermatitis radiation; esophageal anastomotic leak; fall;
        fallopian tube anastomotic leak; fallopian tube perforation; fracture; gastric anastomotic leak;
        gastrointestinal anastomotic leak; gastrointestinal stoma necrosis; hip fracture; infusion related reaction;
        injury to carotid artery; injury to inferior vena cava; injury to jugular vein; injury to superior vena cava;
        intestinal stoma leak; intestinal stoma obstruction; intestinal stoma site bleeding; intraoperative arterial injury;
        intraoperative breast injury; intraoperative cardiac injury; intraoperative ear injury; intraoperative endocrine injury;
        intraoperative gastrointestinal injury; intraoperative head and neck injury; intraoperative hemorrhage;
        intraoperative hepatobiliary injury; intraoperative musculoskeletal injury; intraoperative neurological injury;
        intraoperative ocular injury; intraoperative renal injury; intraoperative reproductive tract injury;
        intraoperative respiratory injury; intraoperative skin injury; intraoperative splenic injury;
        intraoperative urinary injury; intraoperative venous injury; kidney anastomotic leak; large intestinal anastomotic leak;
        pancreatic anastomotic leak; pharyngeal anastomotic leak; postoperative hemorrhage;
        postoperative thoracic procedure complication; prolapse of intestinal stoma; prolapse of urostomy;
        radiation recall reaction (dermatologic); rectal anastomotic leak; seroma; small intestinal anastomotic leak;
        spermatic cord anastomotic leak; spinal fracture; stenosis of gastrointestinal stoma; stomal ulcer; tracheal hemorrhage;
        tracheal obstruction; tracheostomy site bleeding; ureteric anastomotic leak; urethral anastomotic leak; urostomy leak;
        urostomy obstruction; urostomy site bleeding; urostomy stenosis; uterine anastomotic leak; uterine perforation;
        vaginal anastomotic leak; vas deferens anastomotic leak; vascular access complication; venous injury;
        wound complication; wound dehiscence; wrist fracture""",
    "Investigations": """activated partial thromboplastin time prolonged; alanine aminotransferase increased;
        alkaline phosphatase increased; aspartate aminotransferase increased; blood antidiuretic hormone abnormal;
        blood bilirubin increased; blood corticotrophin decreased; blood gonadotrophin abnormal;
        blood lactate dehydrogenase increased; blood prolactin abnormal; carbon monoxide diffusing capacity decreased;
        cardiac troponin i increased; cardiac troponin t increased; cd4 lymphocytes decreased; cholesterol high;
        cpk increased; creatinine increased; ejection fraction decreased; electrocardiogram qt corrected interval prolonged;
        electrocardiogram t wave abnormal; fibrinogen decreased; forced expiratory volume decreased; ggt increased;
        growth hormone abnormal; haptoglobin decreased; hemoglobin increased; inr increased; lipase increased;
        lymphocyte count decreased; lymphocyte count increased; neutrophil count decreased; pancreatic enzymes decreased;
        platelet count decreased; serum amylase increased; thyroid stimulating hormone increased; urine output decreased;
        vital capacity abnormal; weight gain; weight loss; white blood cell decreased""",
    "Metabolism and nutrition disorders": """acidosis; alcohol intolerance; alkalosis; anorexia; dehydration; glucose intolerance;
        hypercalcemia; hyperglycemia; hyperkalemia; hyperlipidemia; hypermagnesemia; hypernatremia; hyperphosphatemia;
        hypertriglyceridemia; hyperuricemia; hypoalbuminemia; hypocalcemia; hypoglycemia; hypokalemia; hypomagnesemia;
        hyponatremia; hypophosphatemia; iron overload; obesity; tumor lysis syndrome""",
    "Musculoskeletal and connective tissue disorders": """abdominal soft tissue necrosis; arthralgia; arthritis; avascular necrosis;
        back pain; bone pain; buttock pain; chest wall pain; exostosis; fibrosis deep connective tissue; flank pain;
        generalized muscle weakness; growth suppression; head soft tissue necrosis; joint effusion;
        joint range of motion decreased; joint range of motion decreased cervical spine;
        joint range of motion decreased lumbar spine; kyphosis; lordosis; muscle cramp; muscle weakness left-sided;
        muscle weakness lower limb; muscle weakness right-sided; muscle weakness trunk; muscle weakness upper limb;
        musculoskeletal deformity; myalgia; myositis; neck pain; neck soft tissue necrosis; osteonecrosis of jaw; osteoporosis;
        pain in extremity; pelvic soft tissue necrosis; rhabdomyolysis; rotator cuff injury; scoliosis;
        soft tissue necrosis lower limb; soft tissue necrosis upper limb; superficial soft tissue fibrosis; trismus;
        unequal limb length""",
    "Neoplasms benign, malignant and unspecified (incl cysts and polyps)": """leukemia secondary to oncology chemotherapy;
        myelodysplastic syndrome; treatment related secondary malignancy; tumor hemorrhage; tumor pain""",
    "Nervous system disorders": """abducens nerve disorder; accessory nerve disorder; acoustic nerve disorder nos; akathisia; amnesia;
        anosmia; aphonia; arachnoiditis; ataxia; brachial plexopathy; central nervous system necrosis;
        cerebrospinal fluid leakage; cognitive disturbance; concentration impairment; depressed level of consciousness;
        dizziness; dysarthria; dysesthesia; dysgeusia; dysphasia; edema cerebral; encephalopathy; extrapyramidal disorder;
        facial muscle weakness; facial nerve disorder; glossopharyngeal nerve disorder; guillain-barre syndrome; headache;
        hydrocephalus; hypersomnia; hypoglossal nerve disorder; intracranial hemorrhage; ischemia cerebrovascular;
        ivth nerve disorder; lethargy; leukoencephalopathy; memory impairment; meningismus; movements involuntary;
        myasthenia gravis; myelitis; neuralgia; nystagmus; oculomotor nerve disorder; olfactory nerve disorder; paresthesia;
        peripheral motor neuropathy; peripheral sensory neuropathy; phantom pain; presyncope; pyramidal tract syndrome;
        radiculitis; recurrent laryngeal nerve palsy; reversible posterior leukoencephalopathy syndrome; seizure; somnolence;
        spasticity; stroke; syncope; transient ischemic attacks; tremor; trigeminal nerve disorder; vagus nerve disorder;
        vasovagal reaction""",
    "Pregnancy, puerperium and perinatal conditions": """fetal growth retardation; pregnancy loss; premature delivery""",
    "Psychiatric disorders": """agitation; anorgasmia; anxiety; confusion; delayed orgasm; delirium; delusions; depression; euphoria;
        hallucinations; insomnia; libido decreased; libido increased; mania; personality change; psychosis; restlessness;
        suicidal ideation; suicide attempt""",
    "Renal and urinary disorders": """acute kidney injury; bladder perforation; bladder spasm; chronic kidney disease;
        cystitis noninfective; dysuria; glucosuria; hematuria; hemoglobinuria; nephrotic syndrome; proteinuria; renal calculi;
        renal colic; renal hemorrhage; urinary fistula; urinary frequency; urinary incontinence; urinary retention;
        urinary tract obstruction; urinary tract pain; urinary urgency; urine discoloration""",
    "Reproductive system and breast disorders": """amenorrhea; azoospermia; breast atrophy; breast pain; dysmenorrhea; dyspareunia;
        ejaculation disorder; erectile dysfunction; fallopian tube obstruction; fallopian tube stenosis;
        female genital tract fistula; feminization acquired; genital edema; gynecomastia; hematosalpinx;
        irregular menstruation; lactation disorder; menorrhagia; nipple deformity; oligospermia; ovarian hemorrhage;
        ovarian rupture; ovulation pain; pelvic floor muscle weakness; pelvic pain; penile pain; perineal pain;
        premature menopause; prostatic hemorrhage; prostatic obstruction; prostatic pain; scrotal pain;
        spermatic cord hemorrhage; spermatic cord obstruction; testicular disorder; testicular hemorrhage; testicular pain;
        uterine fistula; uterine hemorrhage; uterine obstruction; uterine pain; vaginal discharge; vaginal dryness;
        vaginal fistula; vaginal hemorrhage; vaginal inflammation; vaginal obstruction; vaginal pain; vaginal perforation;
        vaginal stricture; vaginismus""",
    "Respiratory, thoracic and mediastinal disorders": """adult respiratory distress syndrome; allergic rhinitis; apnea; aspiration;
        atelectasis; bronchial fistula; bronchial obstruction; bronchial stricture; bronchopleural fistula;
        bronchopulmonary hemorrhage; bronchospasm; chylothorax; cough; dyspnea; epistaxis; hiccups; hoarseness; hypoxia;
        laryngeal edema; laryngeal fistula; laryngeal hemorrhage; laryngeal inflammation; laryngeal mucositis;
        laryngeal obstruction; laryngeal stenosis; laryngopharyngeal dysesthesia; laryngospasm; mediastinal hemorrhage;
        nasal congestion; pharyngeal fistula; pharyngeal hemorrhage; pharyngeal mucositis; pharyngeal necrosis;
        pharyngeal stenosis; pharyngolaryngeal pain; pleural effusion; pleural hemorrhage; pleuritic pain; pneumonitis;
        pneumothorax; postnasal drip; productive cough; pulmonary edema; pulmonary fibrosis; pulmonary fistula;
        pulmonary hypertension; respiratory failure; retinoic acid syndrome; sinus disorder; sinus pain; sleep apnea; sneezing;
        sore throat; stridor; tracheal fistula; tracheal mucositis; tracheal stenosis; voice alteration; wheezing""",
    "Skin and subcutaneous tissue disorders": """alopecia; body odor; bullous dermatitis; dry skin; erythema multiforme; erythroderma;
        fat atrophy; hirsutism; hyperhidrosis; hyperkeratosis; hypertrichosis; hypohidrosis; lipohypertrophy; nail changes;
        nail discoloration; nail loss; nail ridging; pain of skin; palmar-plantar erythrodysesthesia syndrome; periorbital edema;
        photosensitivity; pruritus; purpura; rash acneiform; rash maculo-papular; scalp pain; skin atrophy;
        skin hyperpigmentation; skin hypopigmentation; skin induration; skin ulceration; stevens-johnson syndrome;
        subcutaneous emphysema; telangiectasia; toxic epidermal necrolysis; urticaria""",
    "Vascular disorders": """arterial thromboembolism; capillary leak syndrome; flushing; hematoma; hot flashes; hypertension;
        hypotension; lymph leakage; lymphedema; lymphocele; peripheral ischemia; phlebitis; superficial thrombophlebitis;
        superior vena cava syndrome; thromboembolic event; vasculitis""",
}

# CTCAE terms that case reports use for something else, so matching them would report false
# adverse events: the extractor reads "disease progression" as a response, and stridor in an
# oncology report is nearly always airway compression by the tumour.
NOT_MATCHED = {
    "disease progression": "a response (progressive disease), not an adverse event",
    "stridor": "a presenting sign of airway compression by tumour",
}

# Spellings authors use for terms this layer adds (the curated table has its own).
SYNONYMS = {
    "thrush": ["oral thrush", "oral candidiasis", "oropharyngeal candidiasis"],
    "shingles": [],
    "arterial thromboembolism": ["arterial thrombosis", "arterial embolism"],
    "avascular necrosis": ["osteonecrosis of the femoral head", "aseptic necrosis"],
    "hemorrhoidal hemorrhage": ["hemorrhoidal bleeding", "bleeding hemorrhoids"],
    "dental caries": ["tooth decay", "dental cavities"],
    "asystole": [],
    "gastroparesis": ["delayed gastric emptying"],
    "hirsutism": [],
    "telangiectasia": ["telangiectasias"],
    "subcutaneous emphysema": ["surgical emphysema"],
    "amenorrhea": ["amenorrhoea"],
    "menorrhagia": ["heavy menstrual bleeding"],
    "dysmenorrhea": ["dysmenorrhoea", "painful menstruation"],
    "nystagmus": [],
    "anosmia": ["loss of smell"],
    "mania": ["manic episode"],
    "libido decreased": ["decreased libido", "loss of libido"],
    "suicide attempt": ["attempted suicide"],
    "renal colic": [],
    "glucosuria": ["glycosuria"],
    "hemoglobinuria": ["haemoglobinuria"],
    "postoperative hemorrhage": ["postoperative bleeding", "post-operative bleeding"],
    "wound dehiscence": ["dehiscence of the wound"],
    "hip fracture": ["fractured hip"],
    "laryngitis": [],
    "endophthalmitis": [],
    "appendicitis": [],
    "lymph node pain": ["painful lymph nodes", "lymphadenopathy pain"],
    "pelvic pain": [],
    "flank pain": [],
    "chest wall pain": [],
    "trismus": [],
    "stridor": [],
    "sleep apnea": ["obstructive sleep apnea", "sleep apnoea"],
    "thyroid stimulating hormone increased": ["elevated tsh", "tsh increased", "increased tsh"],
    "haptoglobin decreased": ["low haptoglobin", "decreased haptoglobin"],
    "electrocardiogram t wave abnormal": ["t wave abnormalities", "t-wave inversion"],
    "forced expiratory volume decreased": ["decreased fev1"],
    "tumor hemorrhage": ["tumour hemorrhage", "tumor bleeding", "intratumoral hemorrhage"],
    "retinoic acid syndrome": [],
    "wolff-parkinson-white syndrome": ["wpw syndrome"],
    "constrictive pericarditis": [],
    "pericardial tamponade": ["cardiac tamponade"],
    "visceral arterial ischemia": ["mesenteric ischemia"],
}


def read_forms(name, columns):
    forms = set()
    with open(os.path.join(RESOURCES, name), encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            if line.startswith("#"):
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for column in columns:
                forms.update(form.lower() for form in row.get(column, "").split("|") if form)
    return forms


def main():
    curated = read_forms("adverse_events.tsv", ["term", "synonyms"])
    owned = (read_forms("oncotree.tsv", ["name"]) | read_forms("disease_synonyms.tsv", ["synonyms"])
             | read_forms("conditions.tsv", ["name", "synonyms"]) | read_forms("drugs.tsv", ["name", "synonyms"]))
    rows, total = [], 0
    for soc, block in CTCAE.items():
        for term in (item.strip() for item in block.replace("\n", " ").split(";")):
            term = " ".join(term.split())
            total += 1
            if term in curated or term in owned or term in NOT_MATCHED:
                continue
            synonyms = [form for form in SYNONYMS.get(term, []) if form not in curated and form not in owned]
            rows.append((term, soc, "|".join(synonyms)))
    out = os.path.join(RESOURCES, "ctcae_terms.tsv")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("term\tsoc\tsynonyms\n")
        handle.write("# CTCAE v5.0 (NCI, 2017, public domain) terms not in the curated table. "
                     "Generated by scripts/generate_ctcae.py\n")
        for row in sorted(rows, key=lambda r: (r[1], r[0])):
            handle.write("\t".join(row) + "\n")
    print(f"{total} CTCAE v5.0 terms listed; wrote {out}: {len(rows)} terms the curated table lacks")


if __name__ == "__main__":
    main()
