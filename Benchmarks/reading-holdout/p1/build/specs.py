"""Compact gold specs for the p1 set: 40 real case-report abstracts. `python3 build/specs.py` writes the reviewed gold
to gold/ (what run.sh scores); `python3 build/specs.py --blind` writes gold-blind/, the gold as its blind writer left it
before the set was first run. Each review is an `R(blind, reviewed)` marked `# review:` and listed in the README; none
touches genes, alterations or resistance."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
BLIND = "--blind" in sys.argv
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold-blind" if BLIND else "gold")
from goldlib import alt, dx, ae, resp, res, write


def R(blind, reviewed):
    """A value the review changed: the blind writer's, or the reviewed one."""
    return blind if BLIND else reviewed

NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
PYREXIA = ["pyrexia", "fever"]
DIARRHEA = ["diarrhea", "diarrhoea"]
HYPERGLY = ["hyperglycemia", "hyperglycaemia"]
DLBCL = ("diffuse large b-cell lymphoma", "diffuse large b cell lymphoma", "dlbcl")
LYNCH = ("lynch syndrome", "hereditary nonpolyposis colorectal cancer", "hnpcc")
BCG = "bacillus calmette-guerin"
BCG_OPT = ["bcg", "bacillus calmette-guérin", "bcg vaccine"]


def W(pmid, age, sex, diagnoses, alterations=(), required=(), optional=(), responses=(), aes=(), resistance=()):
    write("pmid:" + pmid, age, sex, list(diagnoses), list(alterations), list(required), list(optional),
          list(responses), list(aes), list(resistance))


# ---------------- systemic anticancer therapy, molecular findings, responses, adverse events ----------------
W("33245275", 39, "male",
  [dx("NSCLC", "non-small cell lung cancer", "nsclc", "lung cancer")],
  [alt("EGFR", "exon 19 deletion", "exon 19 del", "19 del", "exon 19 del mutation", "ex19del"),
   alt("EGFR", "T790M")],
  ["erlotinib", "anlotinib", "osimertinib"], [],
  [], [], [res("EGFR", "erlotinib")])

W("33580597", None, None,
  [dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung")],
  [], ["pembrolizumab"], [], [],
  [ae(["gastritis", "gastroenteritis", "ici-related gastroenteritis",
       "immune checkpoint inhibitor-associated gastroenteritis"], None, "pembrolizumab"),
   ae(DIARRHEA, None, "pembrolizumab"),
   # review: CTCAE v5.0 also has "stomach pain", the term an epigastric pain maps to.
   ae(R(["abdominal pain", "epigastric pain"], ["abdominal pain", "epigastric pain", "stomach pain"]), None, "pembrolizumab")])

W("34094904", None, R("male", None),  # review: a series has no single sex in the dev gold (its 107, 120, 206)
  [dx("LUSC", "lung squamous cell carcinoma", "squamous cell carcinoma of the lung", "lung squamous carcinoma",
      "squamous cell carcinomas of the lung"),
   dx("SCLC", "small cell lung cancer", "sclc")],
  [], ["sintilimab", "nivolumab"], [],
  [resp("sintilimab", "PR"), resp("nivolumab", "PD")],
  [ae(["anemia", "anaemia", "hemoglobin decreased", "decrease in hemoglobin"], None, "sintilimab"),
   ae(THROMBO + ["platelet counts"], None, "sintilimab")])

W("34094914", None, None,
  [dx("LCLC", "large-cell lung cancer", "large cell lung carcinoma", "large-cell lung carcinoma", "lclc",
      "large cell lung cancer")],
  [alt("PBRM1", "L1230P"), alt("TP53", "L194R")],
  ["sintilimab", "anlotinib"], [],
  [resp("sintilimab", "PR"), resp("anlotinib", "PR")])

W("34095423", None, "female",
  [dx("HGSOC", "high-grade serous ovarian cancer", "high grade serous ovarian cancer", "epithelial ovarian cancer",
      "ovarian cancer", "eoc")],
  [alt("ERBB2", "amplification", "high-level focal amplification", "focal amplification", "ERBB2 amplification",
       "HER2 amplification")],
  ["trastuzumab", "pertuzumab"], [],
  [resp("trastuzumab", "PR"), resp("pertuzumab", "PR")])

W("34095470", 66, "female",
  [dx("BRCA", "metastatic breast carcinoma", "metastatic breast cancer", "breast cancer", "breast carcinoma"),
   dx(None, "prediabetes", "diet-controlled prediabetes")],
  [], ["alpelisib"], ["insulin", "sglt 2 inhibitor", "sglt2 inhibitor"],
  [resp("alpelisib", "PD")],
  [ae(["diabetic ketoacidosis", "dka", "ketoacidosis"], None, "alpelisib"),
   ae(HYPERGLY, None, "alpelisib")])

W("34095468", 80, "female",
  [dx("CLLSLL", "chronic lymphocytic leukemia", "chronic lymphocytic leukaemia", "cll"),
   dx("THPA", "papillary thyroid cancer", "papillary thyroid carcinoma", "stage i papillary thyroid cancer"),
   dx(None, "hypothyroidism")],
  [], ["ibrutinib", "levothyroxine"], ["pantoprazole", "lt4"], [],
  [ae(["hypothyroidism", "increased thyroid-hormone requirements"], None, "ibrutinib"),
   ae(["hypertension", "elevated blood pressure"], None, "ibrutinib")])

W("34094772", 66, "male",
  [dx("HCC", "hepatocellular carcinoma", "hcc"),
   dx(None, "liver cirrhosis", "cirrhosis"),
   dx(None, "portal vein thrombosis", "pvt")],
  [], ["sorafenib"], ["low molecular weight heparin", "lmwh", "heparin"], [],
  [ae(["hematoma", "haematoma", "intramuscular hematoma", "hip hematoma", "non-traumatic hip hematoma"], None,
      "sorafenib")])

W("34094764", 63, "female",
  [dx("PTCL", "gamma-delta peripheral t-cell lymphoma, not otherwise specified", "peripheral t-cell lymphoma",
      "gamma-delta t-cell lymphoma", "peripheral t-cell lymphoma, not otherwise specified", "ptcl"),
   dx(None, "behçet's disease", "behcet's disease", "behcet disease", "behçet disease")],
  [], ["prednisone", "azathioprine", "etoposide", "vincristine", "cyclophosphamide", "doxorubicin"], ["epoch"], [],
  [ae(["fungal infection", "angioinvasive fungal infection", "invasive fungal infection"], None, None)])

W("34094568", None, R("male", None),  # review: a series has no single sex in the dev gold (its 107, 120, 206)
  [dx("SCLC", "small-cell lung cancer", "small cell lung cancer", "sclc"),
   dx("LUAD", "lung adenocarcinoma"),
   dx(None, "oesophageal cancer", "esophageal cancer")],
  [], ["cisplatin", "fluorouracil"], ["s-1", "tegafur", "tegafur/gimeracil/oteracil", "5-fluorouracil"]
  + R([], ["tegafur, gimeracil and oteracil"]))  # review: the combination's DrugBank name

W("34094927", 38, "male",
  [dx("GBM", "giant cell glioblastoma", "glioblastoma"),
   dx("LMS", "leiomyosarcoma", "primary intracranial leiomyosarcoma", "pilms")],
  [], ["temozolomide"])

W("34093893", None, "male",
  [dx("PRAD", "metastatic castrate-resistant prostate cancer", "mcrpc", "metastatic castration-resistant prostate cancer",
      "prostate cancer")],
  [], ["docetaxel"],
  ["lutetium lu 177 vipivotide tetraxetan", "177lu-psma", "lutetium-177", "lutetium-177 psma", "lu-psma",
   "paclitaxel", "taxol"] + R([], ["lutetium lu-177"]))  # review: the radionuclide's DrugBank name

W("34095424", 62, "female",
  [dx(None, "smarca4 deficient uterine sarcoma", "smarca4-deficient uterine sarcoma", "sdus", "uterine sarcoma")],
  [alt("SMARCA4", "loss", "mutation", "deletion", "deficiency", "deficient", "inactivation")],
  ["gemcitabine"], ["paclitaxel", "taxol"],
  R([], [resp("gemcitabine", "PR")]))  # review: "significant clinical and radiological improvement" on it

W("34094785", None, "male",
  [dx("BLCA", "bladder cancer", "superficial bladder cancer")],
  [], [BCG], BCG_OPT, [],
  [ae(PYREXIA, None, BCG), ae(["chills"], None, BCG),
   ae(["white blood cell decreased", "leucopenia", "leukopenia"], None, BCG),
   ae(THROMBO, None, BCG)])

W("34095641", None, None,
  [dx("BLCA", "bladder cancer")],
  [], [BCG], BCG_OPT, [],
  [ae(["mycotic aneurysm", "mycotic infrarenal aortic aneurysm", "infected aortic aneurysm", "aortic infection"],
      None, BCG)])

W("34092010", 4, "female",
  [dx("NBL", "neuroblastoma", "stage iii neuroblastoma"),
   dx(None, "warm autoimmune hemolytic anemia", "autoimmune hemolytic anemia", "aiha", "warm aiha", "w-aiha",
      "refractory autoimmune hemolytic anemia")],
  [], ["rituximab", "sirolimus", "prednisolone", "bortezomib"],
  ["immunoglobulin", "ivig", "intravenous immunoglobulin", "human normal immunoglobulin"] + R([], ["immune globulin"]),
  # review: "remains in remission" three years after bortezomib with rituximab (README: best response)
  R([], [resp("bortezomib", "CR"), resp("rituximab", "CR")]),
  [ae(["fracture", "spinal fractures", "spinal fracture", "vertebral fracture"], None, "prednisolone")])

W("34095465", 52, "male",
  [dx("DLBCLNOS", *DLBCL, "adrenal lymphoma", "bilateral adrenal lymphoma"),
   dx(None, "primary adrenal insufficiency", "adrenal insufficiency")],
  [], ["dexamethasone"], ["mineralocorticoid", "glucocorticoid", "hydrocortisone", "fludrocortisone"],
  R([], [resp("dexamethasone", "PR")]))  # review: the lymphoma's masses shrank after a single dose

W("34091457", 35, None,
  [dx("COADREAD", "colorectal cancer", "crc"), dx(None, *LYNCH[:1], "ls")],
  [alt("MLH1", "deletion", "exon 12 deletion", "4-base deletion", "frameshift", "mutation", "germline",
       "splice site mutation", "transcoding mutation")],
  [], ["pd-1 inhibitor"])

W("34093024", 61, "male",
  [dx("SDCA", "salivary duct carcinoma", "sdc", "androgen-receptor-positive metastatic salivary duct carcinoma")],
  [alt("HRAS", "mutation"), alt("PIK3CA", "mutation")],
  [], ["androgen deprivation therapy", "combined androgen blockade", "adt", "cab"])

W("34093952", None, None,
  [dx(None, "nut carcinoma", "renal nut carcinoma", "primary renal nut carcinoma")],
  [alt("NUTM1", "fusion", "rearrangement", "NUTM1 rearrangement")])

W("34095481", 40, "male",
  [dx("GIST", "gastric gastrointestinal stromal tumor", "gastrointestinal stromal tumor", "gist"),
   dx("PGNG", "paraganglioma", "recurrent paraganglioma"),
   dx(None, "familial paraganglioma syndrome type 4", "paraganglioma syndrome type 4")],
  [alt("KIT", "N822K", "c.2466T>A", "NM_000222.2:c.2466T>A"), alt("SDHB", "W200C", "c.600G>T", "germline")])

W("33390149", 58, "male",
  [dx("CHOL", "cholangiocarcinoma", "stage 4 cholangiocarcinoma", "end-stage cholangiocarcinoma")],
  [], [], ["pd-1 inhibitor", "vegf/vegfr2 inhibitor", "vegf/vegfr2 inhibitors", "chemotherapy"])

W("34092404", 10, "female",
  [dx(None, "pure germinoma", "germinoma", "suprasellar germinoma")],
  [], [], [], [],
  [ae(["encephalitis", "autoimmune mediated encephalitis", "autoimmune-mediated encephalitis", "ame"], None, None)])

W("34095606", 3, "female",
  [dx(None, "acute lymphoblastic leukemia", "acute lymphoblastic leukaemia", "all")],
  [], ["amphotericin b"], ["hyperbaric oxygen", "oxygen"], [],
  [ae(["mucormycosis", "rhino-orbital-cerebral mucormycosis", "rocm"], None, None),
   ae(NEUTROPENIA, None, None)])

W("34095488", 36, "male",
  [dx("LUAD", "poorly differentiated lung adenocarcinoma", "lung adenocarcinoma"),
   dx(None, "hypercalcemia of malignancy", "hcm", "hypercalcemia", "hypercalcaemia of malignancy")],
  [], ["zoledronic acid", "denosumab"])

W("34094876", None, None,
  [dx("RCC", "metastatic renal cell carcinoma", "renal cell carcinoma", "rcc", "metastatic rcc"),
   dx(None, "castleman's disease", "castleman disease", "cd")],
  [], [], ["immunotherapy"])

# ---------------- diagnosis (and unnamed or non-anticancer treatment) ----------------
W("33819706", 34, "male", [dx("NBL", "neuroblastoma")])

W("34051445", None, "female",
  [dx("BL", "burkitt's lymphoma", "burkitt lymphoma", "primary ovarian burkitt's lymphoma",
      "non-hodgkin sporadic burkitt's lymphoma", "sporadic burkitt's lymphoma")])

W("34092288", 68, "male",
  [dx(None, "prostate carcinoma", "prostate cancer", "neuroendocrine differentiation of prostate carcinoma",
      "neuroendocrine prostate carcinoma")])

W("34094571", 68, "male",
  [dx("PCM", "multiple myeloma", "myeloma", "plasma cell myeloma"),
   dx(None, "pulmonary al amyloidosis", "al amyloidosis", "pulmonary amyloidosis", "amyloidosis")])

W("34023548", 52, "female",
  [dx("COADREAD", "sigmoid colon cancer", "sigmoid cancer", "colon cancer"),
   dx(None, "pulmonary arterial hypertension", "pah", "severe pulmonary arterial hypertension"),
   dx(None, "mixed connective tissue disease", "mctd", "mixed tissue connected disease")],
  [], ["epoprostenol"])

W("34095490", 9, "male",
  [dx("THPA", "papillary thyroid carcinoma", "well-differentiated papillary thyroid carcinoma",
      "well-differentiated thyroid cancer", "wdtc", "thyroid cancer"),
   # review: asthma left out, as the dev gold leaves out comorbidities no therapy is tied to
   ] + R([dx(None, "moderate persistent asthma", "asthma")], []),
  [], ["levothyroxine"], ["radioactive iodine", "radioiodine", "iodine-131", "sodium iodide (131i)"])

W("34095329", None, None,
  [dx("THYM", "thymoma"),
   dx(None, "chronic intestinal pseudo-obstruction"),
   dx(None, "paraneoplastic syndrome")],
  [], ["pyridostigmine"], ["steroids", "prednisone", "prednisolone"])

W("34095489", 30, "male",
  [dx("PTAD", "prolactinoma", "prolactin-secreting macroadenoma", "macroadenoma", "pituitary adenoma"),
   # review: obesity and hypothyroidism left out (features of the adenoma, not treated apart: the dev convention);
   # hypogonadism stays (clomifene was given for it). The INN clomifene is the required name.
   ] + R([dx(None, "morbid obesity", "obesity"), dx(None, "hypogonadism"), dx(None, "hypothyroidism")], [dx(None, "hypogonadism")]),
  [], R(["clomiphene"], ["clomifene"]),
  R(["clomifene"], ["clomiphene"]) + ["clomiphene citrate", "dopamine agonist", "cabergoline", "bromocriptine"])

W("34090755", 46, "male",
  [dx("HCC", "hepatocellular carcinoma", "hcc", "metastatic hcc", "hepatitis b-related hcc"),
   dx(None, "hepatitis b")])

W("34095738", 64, "female",
  [dx("DLBCLNOS", "diffuse large b cell lymphoma", "diffuse large b-cell lymphoma", "primary splenic lymphoma",
      "psl", "dlbcl")])

W("34093902", 72, "male",
  [dx("CLLSLL", "chronic lymphocytic leukemia", "chronic lymphocytic leukaemia", "cll"),
   dx(None, "acute coronary syndrome", "acute myocardial infarction", "myocardial infarction")])

W("31175115", 68, "male",
  [dx("DLBCLNOS", "ocular diffuse large b-cell lymphoma", "primary intraocular lymphoma", "ocular lymphoma",
      "diffuse large b-cell lymphoma", "intraocular lymphoma")],
  [], ["dorzolamide"])

W("34094760", None, None,
  [dx("RCC", "renal cell carcinoma", "rcc", "metastatic renal cell carcinoma"), dx(None, *LYNCH)])

W("34095480", 89, "female",
  [dx("LIPO", "liposarcoma", "sarcoma"),
   dx(None, "hypercalcemia of malignancy", "sarcoma-associated hypercalcemia", "hypercalcemia")])

# File names keep the document's id with "-" for ":" (a colon is not allowed in Windows file names); the scorer reads
# the id inside each file.
for name in os.listdir(goldlib.OUT):
    if ":" in name:
        os.replace(os.path.join(goldlib.OUT, name), os.path.join(goldlib.OUT, name.replace(":", "-")))
