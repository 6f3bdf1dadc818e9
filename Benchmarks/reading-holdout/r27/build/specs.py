"""Compact gold specs for the r27 hold-out set ("patients with more than one cancer, germline syndromes and family
histories": 01-08 multiple primary cancers, 09-16 germline syndromes with somatic drivers, 17-24 rich family
histories); run `python3 build/specs.py` from r27/ to write gold/ with ../goldlib.py (a copy of the model's)."""
import sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import goldlib
goldlib.OUT = os.path.join(HERE, "..", "gold")
from goldlib import alt, dx, ae, resp, res


def write(document, *args):
    # documents are named r27-NN.txt (no slug): rename goldlib's output
    goldlib.write(document, *args)
    os.replace(os.path.join(goldlib.OUT, document + ".json"),
               os.path.join(goldlib.OUT, document[:-4] + ".json"))


LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc",
          "non-small-cell lung cancer", "lung cancer")
IDC = dx("IDC", "breast cancer", "invasive ductal carcinoma", "breast carcinoma", "metastatic breast cancer")
TNBC = dx("IDC", "triple-negative breast cancer", "breast cancer", "invasive ductal carcinoma",
          "triple-negative invasive ductal carcinoma", "breast carcinoma")
AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
CLL = dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")
SKCM = dx("SKCM", "melanoma", "metastatic melanoma", "cutaneous melanoma")
CCRCC = dx("CCRCC", "clear cell renal cell carcinoma", "renal cell carcinoma", "ccrcc", "clear cell renal cancer")
PRAD = dx("PRAD", "prostate adenocarcinoma", "prostate cancer")
COAD = dx("COAD", "colon cancer", "colon adenocarcinoma", "colorectal cancer", "colorectal adenocarcinoma",
          "metastatic colorectal cancer")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
ANAEMIA = ["anemia", "anaemia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase", "transaminases increased", "transaminase increased"]
FN = ["febrile neutropenia", "neutropenic fever"]
HTN = ["hypertension", "arterial hypertension"]
PYREXIA = ["pyrexia", "fever"]
NAUSEA = ["nausea"]
DIARRHEA = ["diarrhea", "diarrhoea"]
FATIGUE = ["fatigue"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
       "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "hand-foot skin reaction"]
PERIPH_OED = ["edema limbs", "peripheral edema", "peripheral oedema", "oedema limbs", "oedema"]
PERIORB = ["periorbital edema", "periorbital oedema", "eyelid edema"]
PARONYCHIA = ["paronychia"]
NEUROPATHY = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy", "sensory neuropathy"]
IRR = ["infusion related reaction", "infusion-related reaction", "infusion reaction"]
HYPOTHY = ["hypothyroidism"]
ALOPECIA = ["alopecia"]
CONTUSION = ["contusion", "bruising"]
CRAMPS = ["muscle cramp", "muscle cramps", "muscular cramps"]
DRYMOUTH = ["dry mouth", "xerostomia"]
TP53_DEL = alt("TP53", "deletion", "del(17p)", "17p deletion", "loss")
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement", "e14a2")

# ---------------- 01-08: two or more primary cancers ----------------
write("r27-01.txt", 62, "female", [IDC, LUAD],
      [alt("EGFR", "exon 19 deletion", "E746_A750del", "p.E746_A750del", "exon 19 del", "deletion"),
       alt("MET", "amplification", "MET amplification")],
      ["doxorubicin", "cyclophosphamide", "paclitaxel", "tamoxifen", "osimertinib", "amivantamab", "carboplatin",
       "pemetrexed"],
      ["loperamide", "hydrocortisone"],
      [resp("osimertinib", "PR"), resp("amivantamab", "SD"), resp("carboplatin", "SD"), resp("pemetrexed", "SD")],
      [ae(PARONYCHIA, 1, "osimertinib"), ae(DIARRHEA, 1, "osimertinib"), ae(IRR, 2, "amivantamab")],
      [res("MET", "osimertinib")])

write("r27-02.txt", 68, "male",
      [dx("DLBCLNOS", "diffuse large b-cell lymphoma", "dlbcl", "diffuse large b cell lymphoma"),
       dx("TAML", "therapy-related acute myeloid leukaemia", "therapy-related acute myeloid leukemia",
          "acute myeloid leukaemia", "acute myeloid leukemia", "aml", "t-aml", "therapy-related aml",
          "therapy-related myeloid neoplasm")],
      [alt("TP53", "R248W"), TP53_DEL],
      ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone", "azacitidine", "venetoclax"],
      ["r-chop", "ramipril", "posaconazole", "piperacillin", "tazobactam", "piperacillin-tazobactam"],
      [resp("rituximab", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"), resp("vincristine", "CR"),
       resp("prednisone", "CR"), resp("azacitidine", "CR"), resp("venetoclax", "CR")],
      [ae(FN, 3, "venetoclax"), ae(NAUSEA, 1, "azacitidine")],
      [])

write("r27-03.txt", 71, "male",
      [SKCM, CLL],
      [alt("BRAF", "V600E", "c.1799T>A"), alt("NRAS", "Q61R")],
      ["dabrafenib", "trametinib", "nivolumab", "ipilimumab"],
      ["methylprednisolone", "infliximab"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR"), resp("nivolumab", "PR"), resp("ipilimumab", "PR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(["colitis", "immune-related colitis"], 3, "ipilimumab")],
      [res("NRAS", "dabrafenib"), res("NRAS", "trametinib")])

write("r27-04.txt", 66, "male", [PRAD, CCRCC],
      [alt("VHL", "L158P", "c.473T>C"), alt("PBRM1", "Q1298*", "truncating mutation", "mutation")],
      ["leuprorelin", "pembrolizumab", "axitinib"],
      ["leuprolide", "amlodipine", "loperamide", "levothyroxine"],
      [resp("pembrolizumab", "PR"), resp("axitinib", "PR")],
      [ae(HTN, 3, "axitinib"), ae(DIARRHEA, 2, "axitinib"), ae(HYPOTHY, 2, "pembrolizumab")],
      [])

write("r27-05.txt", 55, "female",
      [dx("CHL", "classical hodgkin lymphoma", "hodgkin lymphoma", "nodular sclerosis classical hodgkin lymphoma",
          "hodgkin's lymphoma", "hodgkin disease"),
       dx("IDC", "breast cancer", "invasive ductal carcinoma", "breast carcinoma", "her2-positive breast cancer",
          "metastatic breast cancer")],
      [alt("ERBB2", "amplification", "HER2 amplification", "ERBB2 amplification")],
      ["doxorubicin", "bleomycin", "vinblastine", "dacarbazine", "docetaxel", "trastuzumab", "pertuzumab"],
      ["abvd", "loperamide", "ramipril", "bisoprolol", "levothyroxine"],
      [resp("doxorubicin", "CR"), resp("bleomycin", "CR"), resp("vinblastine", "CR"), resp("dacarbazine", "CR"),
       resp("docetaxel", "PR"), resp("trastuzumab", "PR"), resp("pertuzumab", "PR")],
      [ae(DIARRHEA, 2, "pertuzumab"), ae(ALOPECIA, 2, "docetaxel"), ae(NEUROPATHY, 1, "docetaxel"),
       ae(["ejection fraction decreased", "ejection fraction decrease", "lvef decreased",
           "left ventricular systolic dysfunction"], 2, "trastuzumab")],
      [])

write("r27-06.txt", 49, "male",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist"),
       dx("THPA", "papillary thyroid carcinoma", "papillary thyroid cancer", "classic papillary thyroid carcinoma")],
      [alt("KIT", "exon 11 deletion", "W557_K558del", "p.W557_K558del", "deletion"), alt("KIT", "V654A"),
       alt("BRAF", "V600E", "c.1799T>A")],
      ["imatinib", "sunitinib"],
      ["radioactive iodine", "levothyroxine", "urea"],
      [resp("imatinib", "PR"), resp("sunitinib", "SD")],
      [ae(PERIORB, 1, "imatinib"), ae(PPE, 2, "sunitinib"), ae(HYPOTHY, 2, "sunitinib")],
      [res("KIT", "imatinib")])

write("r27-07.txt", 73, "female",
      [dx("PCM", "multiple myeloma", "myeloma", "plasma cell myeloma", "igg kappa multiple myeloma"),
       dx("CSCC", "cutaneous squamous cell carcinoma", "squamous cell carcinoma", "cscc", "skin cancer")],
      [alt("TP53", "R282W"), alt("NOTCH1", "truncating mutation", "mutation", "truncating")],
      ["bortezomib", "lenalidomide", "dexamethasone", "melphalan", "cemiplimab"],
      ["zoledronic acid", "paracetamol", "prednisolone"],
      [resp("bortezomib", "PR"), resp("lenalidomide", "PR", "CR"), resp("dexamethasone", "PR"),
       resp("melphalan", "CR"), resp("cemiplimab", "PR")],
      [ae(NEUROPATHY, 2, "bortezomib"), ae(["arthralgia"], 2, "cemiplimab"), ae(["pruritus"], 1, "cemiplimab")],
      [])

write("r27-08.txt", 64, "male",
      [dx("BLCA", "urothelial carcinoma", "urothelial carcinoma of the bladder", "bladder cancer",
          "bladder urothelial carcinoma", "muscle-invasive bladder cancer"), LUAD],
      [alt("ROS1", "fusion", "CD74::ROS1", "CD74-ROS1", "rearrangement"), alt("ROS1", "G2032R")],
      ["gemcitabine", "cisplatin", "entrectinib", "repotrectinib"],
      ["apixaban"],
      [resp("gemcitabine", "CR"), resp("cisplatin", "CR"), resp("entrectinib", "PR"), resp("repotrectinib", "PR")],
      [ae(["tinnitus"], 1, "cisplatin"), ae(["dysgeusia", "taste alteration"], 1, "entrectinib"),
       ae(["weight gain"], 2, "entrectinib"), ae(["dizziness"], 1, "entrectinib"),
       ae(["paresthesia", "paraesthesia"], 2, "repotrectinib"), ae(["ataxia"], 1, "repotrectinib")],
      [res("ROS1", "entrectinib")])

# ---------------- 09-16: germline syndromes with somatic drivers ----------------
write("r27-09.txt", 45, "female",
      [dx("COAD", "colon cancer", "colon adenocarcinoma", "colorectal cancer", "adenocarcinoma of the ascending colon",
          "metastatic colorectal cancer"),
       dx("UEC", "endometrioid endometrial carcinoma", "endometrial carcinoma", "endometrial cancer",
          "endometrioid carcinoma")],
      [alt("MSH2", "c.942+3A>T"), alt("MSH2", "K402fs", "p.K402fs", "frameshift"), alt("KRAS", "G13D")],
      ["pembrolizumab"],
      ["levothyroxine"],
      [resp("pembrolizumab", "CR")],
      [ae(HYPOTHY, 2, "pembrolizumab"), ae(FATIGUE, 1, "pembrolizumab")],
      [])

write("r27-10.txt", 52, "female",
      [TNBC, dx("HGSOC", "high-grade serous ovarian carcinoma", "ovarian cancer", "ovarian carcinoma",
                "high-grade serous carcinoma", "high-grade serous ovarian cancer")],
      [alt("BRCA1", "c.5266dupC", "Q1756Pfs*74", "p.Q1756Pfs*74", "5382insC"), alt("TP53", "Y220C"),
       alt("BRCA1", "reversion mutation", "reversion", "deletion", "19-base-pair deletion")],
      ["doxorubicin", "cyclophosphamide", "paclitaxel", "carboplatin", "olaparib", "bevacizumab"],
      ["lisinopril"],
      [resp("carboplatin", "CR"), resp("paclitaxel", "CR"), resp("olaparib", "CR"), resp("paclitaxel", "PR"),
       resp("bevacizumab", "PR")],
      [ae(ANAEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib"), ae(HTN, 2, "bevacizumab")],
      [res("BRCA1", "olaparib")])

write("r27-11.txt", 34, "male",
      [dx("OS", "osteosarcoma", "osteoblastic osteosarcoma", "high-grade osteoblastic osteosarcoma"), LUAD],
      [alt("TP53", "R248Q", "c.743G>A"), alt("EGFR", "L858R", "c.2573T>G"), alt("EGFR", "C797S")],
      ["methotrexate", "doxorubicin", "cisplatin", "osimertinib", "carboplatin", "pemetrexed"],
      ["loperamide"],
      [resp("osimertinib", "PR"), resp("carboplatin", "SD"), resp("pemetrexed", "SD")],
      [ae(["dry skin"], 1, "osimertinib"), ae(DIARRHEA, 2, "osimertinib"), ae(ANAEMIA, 2, "carboplatin"),
       ae(NAUSEA, 1, "carboplatin")],
      [res("EGFR", "osimertinib")])

write("r27-12.txt", 27, "female",
      [dx("NFIB", "plexiform neurofibroma", "plexiform neurofibromas"),
       dx("MPNST", "malignant peripheral nerve sheath tumour", "malignant peripheral nerve sheath tumor", "mpnst")],
      [alt("NF1", "R1241*", "c.3721C>T"), alt("NF1", "deletion", "loss", "second hit"),
       alt("CDKN2A", "deletion", "homozygous deletion", "loss"), alt("SUZ12", "E257*", "truncating mutation")],
      ["selumetinib", "doxorubicin", "ifosfamide"],
      ["doxycycline", "mesna", "filgrastim", "methylene blue", "methylthioninium chloride"],
      [resp("selumetinib", "PR"), resp("doxorubicin", "SD"), resp("ifosfamide", "SD")],
      [ae(ACNE, 2, "selumetinib"), ae(PARONYCHIA, 1, "selumetinib"), ae(FN, 3, "doxorubicin"),
       ae(["encephalopathy", "ifosfamide encephalopathy"], 2, "ifosfamide")],
      [])

write("r27-13.txt", 39, "male",
      [dx("THME", "medullary thyroid carcinoma", "medullary thyroid cancer", "mtc"),
       dx("PHC", "phaeochromocytoma", "pheochromocytoma", "bilateral phaeochromocytoma")],
      [alt("RET", "C634R", "c.1900T>C"), alt("RET", "G810S")],
      ["selpercatinib", "cabozantinib"],
      ["phenoxybenzamine", "hydrocortisone", "amlodipine"],
      [resp("selpercatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(HTN, 2, "selpercatinib"), ae(ALT_UP, 3, "selpercatinib"), ae(DRYMOUTH, 1, "selpercatinib"),
       ae(PPE, 2, "cabozantinib"), ae(DIARRHEA, 2, "cabozantinib")],
      [res("RET", "selpercatinib")])

write("r27-14.txt", 31, "female",
      [CCRCC,
       dx("HMBL", "haemangioblastoma", "hemangioblastoma", "cerebellar haemangioblastoma", "haemangioblastomas"),
       dx("PANET", "pancreatic neuroendocrine tumour", "pancreatic neuroendocrine tumor", "pnet",
          "pancreatic net")],
      [alt("VHL", "R167W", "c.499C>T"), alt("VHL", "deletion", "loss", "somatic deletion")],
      ["belzutifan"],
      ["darbepoetin alfa"],
      [resp("belzutifan", "PR")],
      [ae(ANAEMIA, 2, "belzutifan"), ae(FATIGUE, 1, "belzutifan")],
      [])

write("r27-15.txt", 41, "female",
      [dx("DSTAD", "diffuse gastric cancer", "diffuse-type gastric adenocarcinoma", "gastric cancer",
          "signet ring cell carcinoma", "gastric adenocarcinoma", "diffuse type stomach adenocarcinoma"),
       dx("ILC", "invasive lobular carcinoma", "lobular breast carcinoma", "lobular breast cancer",
          "invasive lobular breast carcinoma")],
      [alt("CDH1", "R335*", "c.1003C>T"), alt("RHOA", "Y42C")],
      ["tamoxifen", "fluorouracil", "leucovorin", "oxaliplatin", "nivolumab", "paclitaxel", "ramucirumab"],
      ["folfox"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("nivolumab", "PR"),
       resp("paclitaxel", "SD"), resp("ramucirumab", "SD")],
      [ae(NEUROPATHY, 2, "oxaliplatin"), ae(MPRASH, 1, "nivolumab"), ae(NEUTROPENIA, 3, "paclitaxel"),
       ae(["proteinuria"], 2, "ramucirumab")],
      [])

write("r27-16.txt", 47, "female",
      [dx("THFO", "follicular thyroid carcinoma", "follicular thyroid cancer"), IDC],
      [alt("PTEN", "R130*", "c.388C>T"), alt("PTEN", "loss", "deletion", "loss of the second allele"),
       alt("ESR1", "D538G")],
      ["anastrozole", "letrozole", "palbociclib", "fulvestrant", "capivasertib"],
      ["radioactive iodine", "denosumab", "metformin"],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("fulvestrant", "PR"), resp("capivasertib", "PR")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(["hyperglycemia", "hyperglycaemia"], 2, "capivasertib"),
       ae(DIARRHEA, 2, "capivasertib"), ae(MPRASH, 1, "capivasertib")],
      [res("ESR1", "letrozole")])

# ---------------- 17-24: rich family histories (relatives are not the patient) ----------------
write("r27-17.txt", 59, "male",
      [dx("PAAD", "pancreatic ductal adenocarcinoma", "pancreatic adenocarcinoma", "pancreatic cancer")],
      [alt("BRCA2", "c.5946delT", "S1982Rfs*22", "p.S1982Rfs*22", "6174delT"),
       alt("BRCA2", "reversion mutation", "reversion", "deletion"), alt("KRAS", "G12D")],
      ["oxaliplatin", "irinotecan", "fluorouracil", "leucovorin", "olaparib", "gemcitabine", "paclitaxel"],
      ["folfirinox", "pegfilgrastim", "nab-paclitaxel"],
      [resp("oxaliplatin", "PR"), resp("irinotecan", "PR"), resp("fluorouracil", "PR"), resp("leucovorin", "PR"),
       resp("olaparib", "PR", "SD"), resp("gemcitabine", "SD"), resp("paclitaxel", "SD")],
      [ae(FN, 3, "irinotecan"), ae(NEUROPATHY, 2, "oxaliplatin"), ae(ANAEMIA, 2, "olaparib"),
       ae(FATIGUE, 1, "olaparib")],
      [res("BRCA2", "olaparib")])

write("r27-18.txt", 66, "female", [CLL],
      [alt("TP53", "R175H"), TP53_DEL, alt("BTK", "C481S")],
      ["zanubrutinib", "pirtobrutinib"],
      ["amlodipine"],
      [resp("zanubrutinib", "PR"), resp("pirtobrutinib", "PR")],
      [ae(CONTUSION, 1, "zanubrutinib"), ae(HTN, 2, "zanubrutinib"),
       ae(["upper respiratory infection", "upper respiratory tract infection"], 2, "pirtobrutinib"),
       ae(DIARRHEA, 1, "pirtobrutinib")],
      [res("BTK", "zanubrutinib")])

write("r27-19.txt", 44, "female", [TNBC],
      [alt("PALB2", "W1038*", "c.3113G>A"), alt("PALB2", "loss", "loss of heterozygosity", "deletion"),
       alt("TP53", "R213*")],
      ["pembrolizumab", "carboplatin", "paclitaxel", "doxorubicin", "cyclophosphamide"],
      ["aprepitant", "ondansetron", "hydrocortisone"],
      [resp("pembrolizumab", "CR"), resp("carboplatin", "CR"), resp("paclitaxel", "CR"), resp("doxorubicin", "CR"),
       resp("cyclophosphamide", "CR")],
      [ae(NEUTROPENIA, 3, "paclitaxel"), ae(ALOPECIA, 2, "paclitaxel"), ae(NEUROPATHY, 1, "paclitaxel"),
       ae(NAUSEA, 2, "doxorubicin"), ae(["adrenal insufficiency"], 2, "pembrolizumab")],
      [])

write("r27-20.txt", 70, "male",
      [dx("PRAD", "prostate adenocarcinoma", "prostate cancer", "metastatic castration-resistant prostate cancer",
          "castration-resistant prostate cancer")],
      [alt("CHEK2", "c.1100delC", "T367Mfs*15", "p.T367Mfs*15"),
       alt("ERG", "fusion", "TMPRSS2::ERG", "TMPRSS2-ERG", "rearrangement"), alt("AR", "T878A")],
      ["leuprorelin", "docetaxel", "abiraterone", "cabazitaxel"],
      ["leuprolide", "pegfilgrastim", "prednisone", "potassium", "potassium chloride"],
      [resp("leuprorelin", "PR"), resp("docetaxel", "PR"), resp("abiraterone", "PR", "SD"),
       resp("cabazitaxel", "SD")],
      [ae(FN, 3, "docetaxel"), ae(["hypokalemia", "hypokalaemia"], 2, "abiraterone"),
       ae(PERIPH_OED, 1, "abiraterone"), ae(DIARRHEA, 2, "cabazitaxel"), ae(FATIGUE, 2, "cabazitaxel")],
      [res("AR", "abiraterone")])

write("r27-21.txt", 57, "male",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with germline ddx41 predisposition")],
      [alt("DDX41", "M1I", "c.3G>A"), alt("DDX41", "R525H")],
      ["cytarabine", "daunorubicin"],
      ["meropenem"],
      [resp("cytarabine", "CR"), resp("daunorubicin", "CR")],
      [ae(FN, 3, "cytarabine"), ae(["mucositis oral", "oral mucositis", "stomatitis"], 2, "cytarabine"),
       ae(MPRASH, 2, "cytarabine")],
      [])

write("r27-22.txt", 50, "female",
      [dx("SKCM", "melanoma", "nodular melanoma", "metastatic melanoma", "cutaneous melanoma")],
      [alt("CDKN2A", "G101W", "c.301G>T"), alt("NRAS", "Q61K"),
       alt("B2M", "L15fs", "p.L15fs", "frameshift", "mutation", "loss")],
      ["nivolumab", "relatlimab", "binimetinib"],
      ["prednisolone", "levothyroxine"],
      [resp("nivolumab", "PR"), resp("relatlimab", "PR"), resp("binimetinib", "SD")],
      [ae(HYPOTHY, 2, "nivolumab"), ae(["arthritis"], 2, "nivolumab"), ae(ALT_UP, 3, "nivolumab"),
       ae(["blood creatine phosphokinase increased", "cpk increased", "creatine phosphokinase increased"], 2,
          "binimetinib"), ae(ACNE, 2, "binimetinib")],
      [res("B2M", "nivolumab"), res("B2M", "relatlimab")])

write("r27-23.txt", 42, "male",
      [dx("COAD", "colorectal cancer", "colon cancer", "colon adenocarcinoma", "adenocarcinoma of the descending colon",
          "metastatic colorectal cancer")],
      [alt("MUTYH", "Y179C", "c.536A>G", "Y165C"), alt("MUTYH", "G396D", "c.1187G>A", "G382D"),
       alt("KRAS", "G12C", "c.34G>T"), alt("APC", "E1309*"), alt("TP53", "mutation")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "irinotecan", "bevacizumab", "adagrasib", "cetuximab",
       "trifluridine", "tipiracil"],
      ["folfoxiri", "doxycycline", "sertraline", "trifluridine/tipiracil"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("irinotecan", "PR"),
       resp("bevacizumab", "PR"), resp("adagrasib", "PR"), resp("cetuximab", "PR"), resp("trifluridine", "SD"),
       resp("tipiracil", "SD"), resp("bevacizumab", "SD")],
      [ae(DIARRHEA, 3, "irinotecan"), ae(NEUROPATHY, 2, "oxaliplatin"), ae(ACNE, 2, "cetuximab"),
       ae(NAUSEA, 1, "adagrasib"), ae(FATIGUE, 2, "adagrasib")],
      [])

write("r27-24.txt", 48, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "cml",
          "chronic-phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION), alt("ABL1", "Y253H")],
      ["imatinib", "dasatinib"],
      ["metformin", "atorvastatin", "furosemide"],
      [resp("imatinib", "CR", "PR"), resp("dasatinib", "CR", "PR")],
      [ae(CRAMPS, 1, "imatinib"), ae(PERIORB, 1, "imatinib"), ae(["pleural effusion"], 2, "dasatinib"),
       ae(["headache"], 1, "dasatinib")],
      [res("ABL1", "imatinib")])
