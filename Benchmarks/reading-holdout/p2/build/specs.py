"""Compact gold specs for the p2 set: 45 real case-report abstracts. `python3 build/specs.py` writes the reviewed gold
to gold/ (what run.sh scores); `python3 build/specs.py --blind` writes gold-blind/, the gold as its blind writer left it
before the set was first run. Each review is an `R(blind, reviewed)` marked `# review:` and listed in the README."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
BLIND = "--blind" in sys.argv
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold-blind" if BLIND else "gold")
os.makedirs(goldlib.OUT, exist_ok=True)
from goldlib import alt, dx, ae, resp, res, write


def R(blind, reviewed):
    """A value the review changed: the blind writer's, or the reviewed one."""
    return blind if BLIND else reviewed

THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
DIARRHEA = ["diarrhea", "diarrhoea"]
COVID = ("covid-19", "covid-19 infection", "sars-cov-2 infection", "coronavirus disease 2019")
PTAD = ("pituitary adenoma", "acth-secreting pituitary adenoma", "acth-producing pituitary adenoma",
        "acth-secreting pituitary tumor", "macroadenoma")
ASPIRIN_OPT = ["acetylsalicylic acid"]
# review: the INN is the required name, the text's name optional, as the contract asks ("lowercase generic (INN) names").
ASPIRIN = R("aspirin", "acetylsalicylic acid")
ASPIRIN_OPT = R(ASPIRIN_OPT, ["aspirin"])
IVIG = R([], ["immune globulin"])  # review: the vocabulary name of IVIG (as in p1), optional


def W(pmid, age, sex, diagnoses, alterations=(), required=(), optional=(), responses=(), aes=(), resistance=()):
    write("pmid:" + pmid, age, sex, list(diagnoses), list(alterations), list(required), list(optional),
          list(responses), list(aes), list(resistance))


# ---------------- (1) neoplasm with named systemic therapy / adverse events ----------------
W("34094551", None, None,
  [dx("CML", "chronic myeloid leukemia", "chronic myeloid leukaemia", "cml")],
  [], ["bosutinib"], ["tyrosine kinase inhibitor", "tki"], [],
  [ae(["pneumonitis", "interstitial lung disease", "ild", "bosutinib-associated interstitial lung disease"], None,
      "bosutinib"),
   ae(["pleural effusion"], None, "bosutinib")])

W("34094552", None, None,
  [dx(None, "primary age-related ebv-associated effusion-based lymphoma", "effusion-based lymphoma",
      "ebv-associated effusion-based lymphoma", "ebv-positive hhv8-negative ebl", "ebl",
      "ebv-positive diffuse large b-cell lymphoma nos")],
  [], ["rituximab"])

W("34093427", 54, "female",
  [dx("LCH", "langerhans cell histiocytosis", "multi-system lch", "lch", "thyroid lch"),
   dx(None, "spontaneous thyroid hemorrhage", "spontaneous thyroid bleeding", "thyroid hemorrhage")],
  [], [], ["systemic chemotherapy", "chemotherapy"])

# ---------------- (2) neoplasm with a named drug, a second disease or a syndrome ----------------
W("34095475", 36, "female",
  [dx("PTAD", *PTAD, "acth-secreting pituitary tumors"),
   dx(None, "cushing's disease", "cushing disease", "cd", "cushing's syndrome"),
   dx(None, "hypothyroidism"),
   dx(None, "central adrenal insufficiency", "adrenal insufficiency")],
  [], ["hydrocortisone"], ["dexamethasone"])

W("34095473", 35, "female",
  [dx("PTAD", *PTAD, "adrenocorticotropic hormone-producing pituitary adenoma"),
   dx(None, "nelson syndrome", "ns"),
   dx(None, "cushing disease", "cushing's disease")])

W("34095471", 67, "female",
  [dx(None, "steroid cell tumor, not otherwise specified", "ovarian steroid cell tumor", "steroid cell tumor",
      "testosterone-secreting ovarian tumor", "testosterone-secreting steroid cell tumor"),
   dx(None, "pulmonary embolus", "pulmonary embolism", "pe"),
   dx(None, "erythrocytosis")])

W("34095487", None, None,
  [dx(None, "parathyroid adenoma"),
   dx(None, "primary hyperparathyroidism"),
   dx(None, "osteoporosis")])

W("34095476", 56, "male",
  [dx("PANET", "insulinoma", "benign functioning insulinoma", "pancreatic neuroendocrine tumor"),
   dx(None, "stroke", "acute stroke"),
   dx(None, "transient ischemic attack", "transient ischemic attacks", "tia")])

W("34094792", 65, "female",
  [dx("AML", "acute myeloid leukemia", "acute myeloid leukaemia", "aml"),
   dx(None, "leukostasis"),
   dx(None, "hyperleukocytosis")])

W("34095737", 67, "male",
  [dx("HCC", "hepatocellular carcinoma", "hcc", "intrapancreatic hepatocellular carcinoma",
      "well-differentiated hcc"),
   dx(None, "ectopic liver", "el")])

W("34093043", 60, "female",
  [dx(None, "conjunctival malignant melanoma", "conjunctival melanoma", "melanoma"),
   dx(None, "primary acquired melanosis", "pam", "pam with moderate atypia")])

W("34094736", 69, "male",
  [dx("RCC", "renal cell carcinoma", "rcc", "metastatic renal cell carcinoma"),
   dx(None, "obstructive hydrocephalus", "hydrocephalus")])

W("34094786", None, None,
  [dx(None, "type i gastric neuroendocrine tumor", "gastric neuroendocrine tumor", "gnet",
      "well-differentiated neuroendocrine tumor"),
   dx(None, "acute upper gastrointestinal bleed", "upper gastrointestinal bleed", "upper gi bleed")])

W("33940269", None, None,
  [dx(None, "paget's disease of bone", "paget's disease of the skull", "paget's disease",
      "diffuse paget's disease of the skull"),
   dx("PTAD", "pituitary adenoma")])

W("34093933", 75, "male",
  [dx(None, "sebaceous carcinoma")])

W("34094746", None, None,
  [dx(None, "cancer arising in a duodenal duplication cyst", "cancer", "malignancy"),
   dx(None, "duodenal duplication cyst", "ddc")])

# ---------------- (3) non-cancer reports: a named drug causes an AE or is the treatment ----------------
W("31175110", 92, "female",
  [dx(None, "microscopic colitis", "mc"), dx(None, "dementia")],
  [], ["budesonide", "ranitidine", "donepezil", "simvastatin"])

W("31175111", None, None,
  [dx(None, "acute renal failure", "acute kidney injury", "renal impairment")],
  [], ["cefepime"], [], [],
  [ae(["seizure", "myoclonic status epilepticus", "status epilepticus", "neurotoxicity", "cefepime neurotoxicity"],
      None, "cefepime"),
   ae(["coma"], None, "cefepime")])

W("31175113", 36, "female",
  [dx(None, "iron deficiency anaemia", "iron deficiency anemia"), dx(None, "miscarriage")],
  [], ["ferric carboxymaltose"], ["intravenous iron"], [],
  [ae(["skin hyperpigmentation", "skin staining", "light brown skin staining"], None, "ferric carboxymaltose")])

W("33676268", 86, "female",
  [], [], ["hydrochlorothiazide"], ["thiazide diuretics"], [],
  [ae(["drug-induced hepatitis", "hepatotoxicity", "drug-induced liver injury", "dili",
       "hydrochlorothiazide-induced hepatotoxicity"], None, "hydrochlorothiazide"),
   ae(["jaundice"], None, "hydrochlorothiazide")])

W("33895426", None, None,
  [dx(None, "reversible cerebral vasoconstriction syndrome", "rcvs"),
   dx(None, *COVID, "sars-cov-2 respiratory infection")],
  [], ["nimodipine", ASPIRIN], ASPIRIN_OPT)

W("34085919", None, "male",
  [dx(None, "budd-chiari syndrome"), dx(None, "chronic hepatic failure", "hepatic failure")],
  [], ["tacrolimus", R("cyclosporine", "ciclosporin")], [R("ciclosporin", "cyclosporine"), "calcineurin inhibitor"], [],  # review: INN
  [ae(["myelitis", "neurotoxicity"], None, "tacrolimus")])

W("34091004", None, None,
  [dx(None, "sternal osteomyelitis", "osteomyelitis", "pseudomonas aeruginosa sternal osteomyelitis",
      "vim-1 pseudomonas aeruginosa st235 osteomyelitis")],
  [], ["aztreonam", "ceftazidime", "avibactam", "amikacin"],
  ["ceftazidime-avibactam", "ceftazidime/avibactam", "antibiotic therapy"])

W("34092982", 61, "female",
  [dx(None, "granulomatosis with polyangiitis", "gpa")],
  [], ["methylprednisolone", "prednisolone", "cyclophosphamide"],
  ["cpa", "corticosteroids", "antibiotics", "albumin", "gamma globulin", "immunoglobulin"], [],
  [ae(["enterocolitis", "enteritis", "cpa-associated enteritis", "cyclophosphamide-associated enteritis",
       "cpa-associated severe enteritis"], None, "cyclophosphamide"),
   ae(["protein-losing enteropathy", "severe protein-losing enteropathy"], None, "cyclophosphamide"),
   ae(["hypoalbuminemia", "hypoalbuminaemia"], None, "cyclophosphamide"),
   ae(["nausea"], None, "cyclophosphamide"),
   ae(["vomiting"], None, "cyclophosphamide"),
   ae(DIARRHEA, None, "cyclophosphamide")])

W("34093264", 61, "female",
  [dx(None, "dissociative stupor", "prolonged dissociative stupor", "intermittent dissociative stupor")],
  [], ["lorazepam", "escitalopram", "aripiprazole"])

W("34093423", 0, "female",
  [dx(None, "autoimmune polyendocrinopathy-candidiasis-ectodermal dystrophy", "apeced"),
   dx(None, "anti-nmdar encephalitis", "autoimmune encephalitis", "anti-n-methyl-d-aspartate receptor encephalitis"),
   dx(None, "west syndrome", "infantile spasms/west syndrome", "infantile spasms"),
   dx(None, "diabetes mellitus")],
  [], ["rituximab", "methylprednisolone"], [],
  R([], [resp("methylprednisolone", "PD")]))  # review: "did not respond" to the pulses, a best response the contract asks for

W("34094603", None, "male",
  [], [], ["flecainide", "sodium bicarbonate"],
  ["intravenous lipid emulsion", "lipid emulsion", "20% intravenous lipid emulsion"], [],
  [ae(["flecainide toxicity", "toxicity", "accidental overdose", "overdose"], None, "flecainide"),
   ae(["wide-complex tachyarrhythmia", "unstable wide-complex tachyarrhythmia", "dysrhythmias",
       "ventricular tachycardia"], None, "flecainide")])

W("34094608", 57, "male",
  [], [], ["closantel", "methylprednisolone"], ["erythropoietin", "epoetin alfa", "epoetin"], [],
  [ae(["retinopathy", "closantel retinal toxicity", "retinal toxicity", "toxic retinopathy"], None, "closantel"),
   ae(["decreased visual acuity", "visual acuity decreased", "blurred vision"], None, "closantel")])

W("34094612", 0, None,
  [dx(None, "syndrome of inappropriate secretion of antidiuretic hormone", "siadh", "hyponatremia"),
   dx(None, "intracranial hematoma")],
  [], ["tolvaptan"])

W("34094734", None, None,
  [dx(None, "hidradenitis suppurativa")],
  [], ["adalimumab"], ["steroids", "intravenous immunoglobulin", "ivig", "immunoglobulin"] + IVIG, [],
  [ae(THROMBO + ["adalimumab-induced thrombocytopenia", "severe, symptomatic thrombocytopenia"], None,
      "adalimumab")])

W("34094745", 65, "male",
  [dx(None, "cerebrovascular accident", "cva", "stroke"),
   dx(None, "acute coronary syndrome", "acs"),
   dx(None, "upper respiratory tract infection")],
  [], ["levofloxacin", "acetylcysteine", "lactulose", "rifaximin"], ["n-acetylcysteine", "quinolone"], [],
  [ae(["hepatic failure", "acute liver failure", "alf", "quinolone-induced acute liver failure"], None,
      "levofloxacin"),
   ae(["aspartate aminotransferase increased", "aspartate aminotransferase", "ast increased"], None,
      "levofloxacin"),
   ae(["alanine aminotransferase increased", "alanine aminotransferase", "alt increased"], None, "levofloxacin"),
   ae(["inr increased", "international normalized ratio", "prothrombin time"], None, "levofloxacin"),
   ae(["encephalopathy", "hepatic encephalopathy"], None, "levofloxacin")])

W("34094755", None, None,
  [dx(None, "acute bacterial skin and skin structure infections", "acute bacterial skin and skin structure infection",
      "absssi", "absssis")],
  [], [R("ceftaroline", "ceftaroline fosamil")], [R("ceftaroline fosamil", "ceftaroline")], [],  # review: INN
  [ae(["encephalopathy", "ceftaroline-associated encephalopathy"], None, R("ceftaroline", "ceftaroline fosamil"))])

W("34094769", 49, "male",
  [dx(None, "hypothyroidism", "overt hypothyroidism", "infectious hypothyroidism"),
   dx(None, *COVID)],
  [], [], ["levothyroxine", "synthroid"])

W("34094783", None, None,
  [dx(None, "acute heart failure", "heart failure"), dx(None, "atrial fibrillation")],
  [], ["amiodarone"], [], [],
  [ae(["ventricular tachycardia", "polymorphic ventricular tachycardia", "polymorphic vt", "proarrhythmia"], None,
      "amiodarone"),
   ae(["ventricular fibrillation"], None, "amiodarone")])

W("34094848", 36, "male",
  [dx(None, "klein-levin syndrome", "kleine-levin syndrome", "kls"),
   dx(None, *COVID, "coronavirus disease-19")],
  [], ["lorazepam"], ["benzodiazepines"])

W("34094863", 63, "male",
  [dx(None, "malignant otitis externa", "candida orthopsilosis malignant otitis externa", "moe"),
   dx(None, "skull base osteomyelitis", "base of the skull osteomyelitis", "sbo"),
   dx(None, "diabetes mellitus", "uncontrolled diabetes mellitus")],
  [], ["fluconazole"], ["amphotericin b", "liposomal amphotericin", "liposomal amphotericin b", "antibiotics"])

W("34094867", 36, "male",
  [dx(None, "campylobacter fetus aortitis", "aortitis"), dx(None, "hiv infection", "hiv", "human immunodeficiency virus infection")],
  [], ["ertapenem", "amoxicillin"])

W("34095019", 0, "male",
  [dx(None, "kawasaki disease", "kd"),
   dx(None, "coronary artery aneurysms", "coronary artery aneurysm", "caa"),
   dx(None, "coronary artery thrombosis", "cat"),
   dx(None, "cerebral infarction", "late-onset fatal cerebral infarction"),
   dx(None, "hemorrhagic stroke")],
  [], ["urokinase", ASPIRIN, "clopidogrel"],
  ASPIRIN_OPT + IVIG + ["intravenous immunoglobulin", "immunoglobulin", "ivig", "low-molecular-weight heparin", "lmwh",
                 "heparin"])

W("34095210", 45, "male",
  [dx(None, "kimura's disease", "kimura disease")],
  [], ["prednisone"], ["glucocorticoid"])

W("34095331", 21, "male",
  [dx(None, "congenital plasminogen deficiency", "plasminogen deficiency", "pd"),
   dx(None, "inflammatory bowel disease", "pd-associated inflammatory bowel disease", "ibd"),
   dx(None, "clostridioides difficile infection")],
  [], ["infliximab"], [],
  R([], [resp("infliximab", "CR")]))  # review: "clinical remission", a best response the contract asks for

W("34095477", None, None,
  [dx(None, "type b insulin resistance syndrome", "tbirs"),
   dx(None, "diabetic ketoacidosis", "dka")],
  [], ["dexamethasone", "rituximab", "cyclophosphamide"], ["insulin"])

W("34095485", 58, "male",
  [dx(None, "schizoaffective disorder"), dx(None, "catatonia")],
  [], ["lithium", "risperidone", "cinacalcet", "clozapine"], ["isotonic saline", "lithium carbonate"], [],
  [ae(["hyperparathyroidism", "lithium-associated hyperparathyroidism"], None, "lithium"),
   ae(["hypercalcemia", "hypercalcaemia"], None, "lithium")])

W("34095897", None, None,
  [dx(None, "factor vii deficiency")],
  [], ["tranexamic acid"], ["aminocaproic acid", "txa"], [],
  [ae(["color vision disturbance", "color vision disturbances", "chromatopsia", "colour vision disturbance"], None,
      "tranexamic acid")])

W("34094564", 54, "female",
  [dx(None, "rheumatoid vasculitis"),
   dx(None, "antiphospholipid antibody syndrome", "antiphospholipid syndrome", "aps"),
   dx(None, "rheumatoid arthritis", "seropositive rheumatoid arthritis")],
  [], ["cyclophosphamide", "warfarin"], ["glucocorticoids", "high-dose glucocorticoids"])

W("34091644", None, "male",
  [dx(None, "atypical haemolytic uraemic syndrome", "atypical hemolytic uremic syndrome", "ahus", "atypical hus")],
  [], ["methylprednisolone"])

# File names keep the document's id with "-" for ":" (a colon is not allowed in Windows file names); the scorer reads
# the id inside each file.
for name in os.listdir(goldlib.OUT):
    if ":" in name:
        os.replace(os.path.join(goldlib.OUT, name), os.path.join(goldlib.OUT, name.replace(":", "-")))
