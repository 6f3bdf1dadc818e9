"""Compact gold specs for the r21 hold-out set (the drugs around the tumour therapy: supportive, prophylactic,
transplant and comorbidity drugs written in the same sentences as the antitumour drugs); run `python3 build/specs.py`
to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
PCM = dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "igg kappa multiple myeloma")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
FN = ["febrile neutropenia", "neutropenic fever"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
       "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "ppe"]
HFSR = PPE + ["hand-foot skin reaction"]
DS = ["differentiation syndrome", "ds"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
PYREXIA = ["pyrexia", "fever"]
NAUSEA = ["nausea"]
IRR = ["infusion related reaction", "infusion-related reaction"]
CRS = ["cytokine release syndrome", "crs"]
CRAMPS = ["muscle cramp", "muscle cramps", "muscle spasms"]
FATIGUE = ["fatigue"]
PROTEINURIA = ["proteinuria"]
HYPERGLY = ["hyperglycemia", "hyperglycaemia"]
PRURITUS = ["pruritus"]
CONSTIP = ["constipation"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
TERT_C228T = alt("TERT", "C228T", "promoter", "promoter mutation", "c.-124C>T")
COTRIM = ["co-trimoxazole", "cotrimoxazole", "trimethoprim-sulfamethoxazole", "sulfamethoxazole", "trimethoprim"]
ACICLO = ["aciclovir", "acyclovir"]
PIPTAZ = ["piperacillin-tazobactam", "piperacillin", "tazobactam"]

# ---------------- haematological (01-12) ----------------
write("r21-01_cml-imatinib-y253h-dasatinib-comorbid.txt", 58, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
          "chronic-phase cml", "chronic-phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION, "e14a2"), alt("ABL1", "Y253H", "c.757T>C")],
      ["imatinib", "dasatinib"],
      ["amlodipine", "metformin", "allopurinol", "magnesium", "furosemide", "prednisone"],
      [resp("imatinib", "PR"), resp("dasatinib", "CR", "PR")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMPS, 1, "imatinib"), ae(["pleural effusion"], 2, "dasatinib"),
       ae(THROMBO, 3, "dasatinib")],
      [res("ABL1", "imatinib")])

write("r21-02_aml-flt3-midostaurin-transplant-sorafenib.txt", 52, "female",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "aml with mutated npm1 and flt3-itd")],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "c.860_863dup", "type A", "insertion", "frameshift"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD")],
      ["daunorubicin", "cytarabine", "midostaurin", "sorafenib"],
      ["budesonide", "allopurinol", "ondansetron", "posaconazole", "aprepitant", "meropenem", "fludarabine",
       "busulfan", "anti-thymocyte globulin", "tacrolimus", "methotrexate", "letermovir", "urea"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"), resp("sorafenib", "CR")],
      [ae(NAUSEA, 2, "midostaurin"), ae(FN, 3, "daunorubicin"), ae(HFSR, 2, "sorafenib")],
      [])

write("r21-03_aml-idh2-aza-venetoclax-posaconazole-nras-enasidenib.txt", 76, "female",
      [dx("AMLMRC", "acute myeloid leukaemia with myelodysplasia-related gene mutations",
          "acute myeloid leukemia with myelodysplasia-related changes", "acute myeloid leukaemia",
          "acute myeloid leukemia", "aml")],
      [alt("IDH2", "R140Q", "c.419G>A"), alt("DNMT3A", "R882H", "c.2645G>A"), alt("SRSF2", "P95H"),
       alt("NRAS", "G12D", "c.35G>A")],
      ["azacitidine", "venetoclax", "enasidenib"],
      ["apixaban", "allopurinol", "posaconazole", "dexamethasone"] + PIPTAZ,
      [resp("azacitidine", "CR", "PR"), resp("venetoclax", "CR", "PR"), resp("enasidenib", "PR")],
      [ae(FN, 3, "venetoclax"), ae(NEUTROPENIA, 4, "venetoclax"), ae(DS, 2, "enasidenib"),
       ae(["blood bilirubin increased", "bilirubin increase", "hyperbilirubinemia", "hyperbilirubinaemia"], 1,
          "enasidenib")],
      [res("NRAS", "venetoclax"), res("NRAS", "azacitidine")])

write("r21-04_cll-venetoclax-obinutuzumab-tls-rasburicase.txt", 67, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("SF3B1", "K700E", "c.2098A>G"), alt("NOTCH1", "P2514Rfs*4", "p.P2514Rfs*4", "c.7541_7542del", "frameshift")],
      ["obinutuzumab", "venetoclax"],
      ["tiotropium", "colchicine", "paracetamol", "cetirizine", "methylprednisolone", "allopurinol", "rasburicase",
       "filgrastim"] + COTRIM + ACICLO,
      [resp("obinutuzumab", "CR"), resp("venetoclax", "CR")],
      [ae(IRR, 2, "obinutuzumab"),
       ae(["tumor lysis syndrome", "tumour lysis syndrome", "tls", "laboratory tumour lysis syndrome"], 3,
          "venetoclax"),
       ae(NEUTROPENIA, 3, "venetoclax")],
      [])

write("r21-05_myeloma-dara-rd-zoledronic-acid-mrd.txt", 78, "female",
      [PCM],
      [alt("KRAS", "G12D", "c.35G>A")],
      ["daratumumab", "lenalidomide", "dexamethasone"],
      ["paracetamol", "ramipril", "zoledronic acid", "calcium", "vitamin d", "montelukast", "loperamide",
       "colesevelam", "aspirin", "d-rd"] + ACICLO,
      [resp("daratumumab", "CR"), resp("lenalidomide", "CR"), resp("dexamethasone", "CR")],
      [ae(IRR, 1, "daratumumab"), ae(NEUTROPENIA, 3, "lenalidomide"), ae(DIARRHEA, 2, "lenalidomide"),
       ae(["insomnia"], 1, "dexamethasone")],
      [])

write("r21-06_ph-all-dasatinib-prednisone-blinatumomab-mrd.txt", 45, "male",
      [dx("BLLBCRABL1", "b-lymphoblastic leukaemia with bcr::abl1", "b-lymphoblastic leukemia with bcr-abl1",
          "philadelphia chromosome-positive acute lymphoblastic leukaemia", "ph+ all",
          "acute lymphoblastic leukaemia", "acute lymphoblastic leukemia", "b-precursor all")],
      [alt("ABL1", *ABL1_FUSION, "e1a2", "p190"), alt("IKZF1", "deletion", "exon 4-7 deletion", "deletion of exons 4-7")],
      ["dasatinib", "prednisone", "blinatumomab"],
      ["levetiracetam", "allopurinol", "dexamethasone", "tocilizumab"] + COTRIM + ACICLO,
      [resp("dasatinib", "CR"), resp("prednisone", "CR"), resp("blinatumomab", "CR")],
      [ae(THROMBO, 3, "dasatinib"), ae(CRS, 2, "blinatumomab"), ae(["tremor", "neurotoxicity"], 1, "blinatumomab")],
      [])

write("r21-07_dlbcl-rchop-relapse-axicel-crs-icans.txt", 61, "female",
      [dx("DLBCLNOS", "diffuse large b-cell lymphoma", "dlbcl", "large b-cell lymphoma",
          "diffuse large b-cell lymphoma of activated b-cell type")],
      [alt("MYD88", "L265P", "c.794T>C"), alt("CD79B", "Y196H")],
      ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone", "axicabtagene ciloleucel"],
      ["levothyroxine", "atorvastatin", "pegfilgrastim", "ondansetron", "dexamethasone", "allopurinol", "macrogol",
       "fludarabine", "tocilizumab", "levetiracetam", "filgrastim", "posaconazole", "intravenous immunoglobulin",
       "immunoglobulin", "r-chop", "axi-cel"] + ACICLO,
      [resp("rituximab", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"), resp("vincristine", "CR"),
       resp("prednisone", "CR"), resp("axicabtagene ciloleucel", "CR")],
      [ae(PSN, 2, "vincristine"), ae(CONSTIP, 2, "vincristine"), ae(CRS, 2, "axicabtagene ciloleucel"),
       ae(["immune effector cell-associated neurotoxicity syndrome", "icans"], 2, "axicabtagene ciloleucel"),
       ae(NEUTROPENIA, 3, "axicabtagene ciloleucel")],
      [])

write("r21-08_myelofibrosis-ruxolitinib-fedratinib-thiamine.txt", 66, "male",
      [dx("PMF", "primary myelofibrosis", "myelofibrosis")],
      [alt("JAK2", "V617F", "c.1849G>T"), alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "c.1934dup", "frameshift")],
      ["ruxolitinib", "fedratinib"],
      ["lisinopril", "aspirin", "thiamine", "ondansetron", "loperamide"],
      [resp("ruxolitinib", "SD"), resp("fedratinib", "PR", "SD")],
      [ae(ANEMIA, 3, "ruxolitinib"), ae(NAUSEA, 2, "fedratinib"), ae(DIARRHEA, 2, "fedratinib"),
       ae(["lipase increased", "lipase increase"], 1, "fedratinib")],
      [])

write("r21-09_asm-kit-d816v-midostaurin-avapritinib-mediators.txt", 59, "female",
      [dx("ASM", "aggressive systemic mastocytosis", "systemic mastocytosis", "advanced systemic mastocytosis")],
      [alt("KIT", "D816V", "c.2447A>T"), alt("TET2", "Q1274*")],
      ["midostaurin", "avapritinib"],
      ["cetirizine", "famotidine", "cromolyn sodium", "cromolyn", "montelukast", "zoledronic acid", "ondansetron",
       "aprepitant", "furosemide"],
      [resp("midostaurin", "PR"), resp("avapritinib", "CR", "PR")],
      [ae(["vomiting"], 2, "midostaurin"), ae(PERI_OED, 1, "avapritinib"), ae(THROMBO, 3, "avapritinib"),
       ae(["memory impairment", "cognitive disturbance", "cognitive effects"], 1, "avapritinib")],
      [])

write("r21-10_mcl-br-zanubrutinib-apixaban-af.txt", 71, "male",
      [dx("MCL", "mantle cell lymphoma", "mcl")],
      [alt("TP53", "R248Q", "c.743G>A"), alt("ATM", "E1978*")],
      ["bendamustine", "rituximab", "zanubrutinib"],
      ["apixaban", "bisoprolol", "metformin", "ondansetron", "hydrocortisone", "filgrastim", "br",
       "proton pump inhibitor"] + COTRIM + ACICLO,
      [resp("bendamustine", "PR"), resp("rituximab", "PR"), resp("zanubrutinib", "CR")],
      [ae(IRR, 2, "rituximab"), ae(NEUTROPENIA, 3, "bendamustine"), ae(["contusion", "bruising"], 1, "zanubrutinib"),
       ae(["hematuria", "haematuria"], 2, "zanubrutinib")],
      [])

write("r21-11_myeloma-teclistamab-ivig-crs.txt", 64, "male",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "iga lambda myeloma")],
      [alt("NRAS", "Q61K", "c.181C>A")],
      ["bortezomib", "lenalidomide", "dexamethasone", "daratumumab", "pomalidomide", "teclistamab"],
      ["febuxostat", "paracetamol", "levofloxacin", "intravenous immunoglobulin", "immunoglobulin", "filgrastim",
       "nirmatrelvir", "ritonavir", "nirmatrelvir-ritonavir", "vrd"] + COTRIM + ACICLO,
      [resp("bortezomib", "PR"), resp("lenalidomide", "PR"), resp("dexamethasone", "PR"),
       resp("daratumumab", "SD"), resp("pomalidomide", "SD"), resp("teclistamab", "CR")],
      [ae(CRS, 1, "teclistamab"), ae(NEUTROPENIA, 3, "teclistamab"),
       ae(["pneumonia", "covid-19 pneumonia", "covid-19 infection", "covid-19"], 3, "teclistamab")],
      [])

write("r21-12_bpdcn-tagraxofusp-albumin-cls-transplant.txt", 69, "male",
      [dx("BPDCN", "blastic plasmacytoid dendritic cell neoplasm", "bpdcn")],
      [alt("TET2", "R1261C"), alt("TET2", "Q1542*"), alt("ASXL1", "R693*", "c.2077C>T")],
      ["tagraxofusp"],
      ["tamsulosin", "paracetamol", "diphenhydramine", "methylprednisolone", "famotidine", "albumin", "furosemide",
       "fludarabine", "melphalan", "cyclophosphamide", "tacrolimus", "mycophenolate mofetil"],
      [resp("tagraxofusp", "CR")],
      [ae(["capillary leak syndrome", "cls"], 2, "tagraxofusp"), ae(ALT_UP, 3, "tagraxofusp"),
       ae(THROMBO, 2, "tagraxofusp")],
      [])

# ---------------- solid tumours (13-24) ----------------
write("r21-13_nsclc-egfr-osimertinib-denosumab-met-amivantamab.txt", 57, "female",
      [LUAD],
      [alt("EGFR", "exon 19 deletion", "E746_A750del", "p.E746_A750del", "c.2235_2249del15", "c.2235_2249del",
           "ex19del"),
       alt("TP53", "R273H", "c.818G>A"), alt("MET", "amplification", "amplified", "MET amplification")],
      ["osimertinib", "amivantamab", "carboplatin", "pemetrexed"],
      ["rivaroxaban", "dexamethasone", "levetiracetam", "denosumab", "calcium", "vitamin d", "doxycycline",
       "loperamide", "ondansetron", "aprepitant"],
      [resp("osimertinib", "PR"), resp("amivantamab", "PR"), resp("carboplatin", "PR"), resp("pemetrexed", "PR")],
      [ae(["paronychia"], 2, "osimertinib"), ae(DIARRHEA, 1, "osimertinib"), ae(QTC, 1, "osimertinib"),
       ae(IRR, 2, "amivantamab"), ae(ACNE, 2, "amivantamab"), ae(NEUTROPENIA, 3, "carboplatin")],
      [res("MET", "osimertinib")])

write("r21-14_melanoma-nras-ipi-nivo-hepatitis-mycophenolate-thyroiditis.txt", 49, "female",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "metastatic melanoma")],
      [alt("NRAS", "Q61R", "c.182A>G"), TERT_C228T],
      ["ipilimumab", "nivolumab"],
      ["calcipotriol", "sertraline", "levothyroxine", "methylprednisolone", "mycophenolate mofetil", "prednisolone",
       "pantoprazole"] + COTRIM,
      [resp("ipilimumab", "PR"), resp("nivolumab", "PR")],
      [ae(HYPOTHY + ["thyroiditis"], 2, "nivolumab"),
       ae(["hepatitis", "immune-related hepatitis", "autoimmune hepatitis"] + ALT_UP, 3, "ipilimumab"),
       ae(["psoriasis", "psoriasis flare"], 2, "nivolumab"), ae(PRURITUS, 1, "nivolumab")],
      [])

write("r21-15_breast-pik3ca-ribociclib-alpelisib-metformin-insulin.txt", 46, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "metastatic breast cancer",
          "hormone receptor-positive, her2-negative advanced breast cancer")],
      [alt("PIK3CA", "E545K", "c.1633G>A"), alt("GATA3", "frameshift", "frameshift mutation")],
      ["goserelin", "letrozole", "ribociclib", "fulvestrant", "alpelisib"],
      ["denosumab", "metformin", "cetirizine", "insulin", "insulin glargine", "loperamide", "prednisolone"],
      [resp("goserelin", "PR"), resp("letrozole", "PR"), resp("ribociclib", "PR"), resp("fulvestrant", "SD"),
       resp("alpelisib", "SD")],
      [ae(NEUTROPENIA, 3, "ribociclib"), ae(QTC, 1, "ribociclib"), ae(HYPERGLY, 3, "alpelisib"),
       ae(DIARRHEA, 2, "alpelisib"), ae(MPRASH, 2, "alpelisib")],
      [])

write("r21-16_crc-kras-g12c-folfox-bev-enoxaparin-adagrasib-cetuximab.txt", 63, "male",
      [dx("COADREAD", "colorectal adenocarcinoma", "sigmoid adenocarcinoma", "colorectal cancer", "colon cancer",
          "metastatic colorectal cancer")],
      [alt("KRAS", "G12C", "c.34G>T"), alt("APC", "R1450*", "c.4348C>T"), alt("TP53", "R175H", "c.524G>A"),
       alt("KRAS", "Y96D")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "bevacizumab", "adagrasib", "cetuximab"],
      ["amlodipine", "losartan", "omeprazole", "famotidine", "enoxaparin", "palonosetron", "dexamethasone",
       "aprepitant", "doxycycline", "loperamide", "ondansetron", "clindamycin", "apixaban", "folfox", "folinic acid",
       "calcium folinate"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("bevacizumab", "PR"),
       resp("adagrasib", "PR"), resp("cetuximab", "PR")],
      [ae(PROTEINURIA, 2, "bevacizumab"), ae(PSN, 2, "oxaliplatin"), ae(DIARRHEA, 2, "adagrasib"),
       ae(NAUSEA, 2, "adagrasib"), ae(ACNE, 2, "cetuximab")],
      [res("KRAS", "adagrasib")])

write("r21-17_ccrcc-vhl-pembrolizumab-axitinib-belzutifan-anaemia.txt", 68, "male",
      [dx("CCRCC", "clear cell renal cell carcinoma", "renal cell carcinoma", "ccrcc")],
      [alt("VHL", "S65W", "c.194C>G"), alt("PBRM1", "Q1298*", "truncating")],
      ["pembrolizumab", "axitinib", "belzutifan"],
      ["formoterol", "beclometasone", "sitagliptin", "amlodipine", "loperamide", "levothyroxine", "zoledronic acid"],
      [resp("pembrolizumab", "PR"), resp("axitinib", "PR"), resp("belzutifan", "SD")],
      [ae(HTN, 3, "axitinib"), ae(DIARRHEA, 2, "axitinib"), ae(HYPOTHY, 2, "pembrolizumab"),
       ae(["hoarseness", "dysphonia"], 1, "axitinib"), ae(ANEMIA, 3, "belzutifan"), ae(["hypoxia"], 2, "belzutifan"),
       ae(FATIGUE, 1, "belzutifan")],
      [])

write("r21-18_gist-kit-imatinib-v654a-sunitinib-levothyroxine.txt", 55, "male",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist")],
      [alt("KIT", "W557_K558del", "p.W557_K558del", "c.1669_1674del", "exon 11 deletion", "exon 11"),
       alt("KIT", "V654A", "c.1961T>C", "exon 13")],
      ["imatinib", "sunitinib"],
      ["simvastatin", "pravastatin", "magnesium", "amlodipine", "urea", "levothyroxine", "loperamide"],
      [resp("imatinib", "PR"), resp("sunitinib", "SD")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMPS, 2, "imatinib"), ae(HTN, 2, "sunitinib"), ae(HFSR, 2, "sunitinib"),
       ae(HYPOTHY, 2, "sunitinib"), ae(DIARRHEA, 2, "sunitinib")],
      [res("KIT", "imatinib")])

write("r21-19_mtc-ret-m918t-selpercatinib-g810r.txt", 44, "female",
      [dx("MTC", "medullary thyroid carcinoma", "medullary thyroid cancer", "mtc")],
      [alt("RET", "M918T", "c.2753T>C"), alt("RET", "G810R", "solvent-front mutation")],
      ["selpercatinib"],
      ["levothyroxine", "calcium carbonate", "calcium", "calcitriol", "propranolol", "omeprazole", "famotidine",
       "amlodipine", "magnesium", "macrogol"],
      [resp("selpercatinib", "PR")],
      [ae(HTN, 3, "selpercatinib"), ae(ALT_UP, 3, "selpercatinib"), ae(QTC, 2, "selpercatinib"),
       ae(["dry mouth"], 1, "selpercatinib"), ae(CONSTIP, 2, "selpercatinib")],
      [res("RET", "selpercatinib")])

write("r21-20_ovarian-brca1-carboplatin-paclitaxel-bevacizumab-olaparib.txt", 53, "female",
      [dx("HGSOC", "high-grade serous ovarian carcinoma", "high-grade serous carcinoma", "ovarian carcinoma",
          "ovarian cancer")],
      [alt("BRCA1", "c.5266dupC", "Q1756Pfs*74", "p.Q1756Pfs*74", "5382insC", "frameshift", "germline"),
       alt("TP53", "Y220C", "c.659A>G")],
      ["carboplatin", "paclitaxel", "bevacizumab", "olaparib"],
      ["sumatriptan", "dexamethasone", "famotidine", "olanzapine", "aprepitant", "palonosetron", "pegfilgrastim",
       "enoxaparin", "ramipril", "metoclopramide"],
      [resp("carboplatin", "PR"), resp("paclitaxel", "PR")],
      [ae(["alopecia"], 2, "paclitaxel"), ae(PSN, 1, "paclitaxel"), ae(NEUTROPENIA, 3, "carboplatin"),
       ae(HTN, 2, "bevacizumab"), ae(ANEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib")],
      [])

write("r21-21_hcc-atezolizumab-bevacizumab-entecavir-propranolol-lenvatinib.txt", 59, "male",
      [dx("HCC", "hepatocellular carcinoma", "hcc")],
      [TERT_C228T, alt("CTNNB1", "S45P", "c.133T>C"), alt("TP53", "R249S", "c.747G>T")],
      ["atezolizumab", "bevacizumab", "lenvatinib"],
      ["entecavir", "insulin", "propranolol", "levothyroxine", "spironolactone", "amlodipine", "urea"],
      [resp("atezolizumab", "PR"), resp("bevacizumab", "PR"), resp("lenvatinib", "SD")],
      [ae(PROTEINURIA, 2, "bevacizumab"), ae(HYPOTHY, 2, "atezolizumab"), ae(HTN, 3, "lenvatinib"),
       ae(PPE, 2, "lenvatinib"), ae(FATIGUE, 2, "lenvatinib"), ae(["decreased appetite", "anorexia"], 1, "lenvatinib")],
      [])

write("r21-22_icca-idh1-gem-cis-durvalumab-ivosidenib-stent.txt", 61, "female",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "cholangiocarcinoma", "icca", "biliary tract cancer")],
      [alt("IDH1", "R132C", "c.394C>T"), alt("BAP1", "Q684*", "truncating")],
      ["gemcitabine", "cisplatin", "durvalumab", "ivosidenib"],
      ["alendronate", "indapamide", "ondansetron", "dexamethasone", "ursodeoxycholic acid", "cholestyramine",
       "enoxaparin", "potassium", "magnesium"] + PIPTAZ,
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("ivosidenib", "SD")],
      [ae(THROMBO, 3, "gemcitabine"), ae(["tinnitus"], 1, "cisplatin"), ae(MPRASH, 2, "durvalumab"),
       ae(QTC, 1, "ivosidenib"), ae(FATIGUE, 1, "ivosidenib")],
      [])

write("r21-23_endometrial-dmmr-carboplatin-paclitaxel-dostarlimab-adrenal.txt", 66, "female",
      [dx("UEC", "endometrioid endometrial carcinoma", "endometrial carcinoma", "endometrial cancer",
          "uterine endometrioid carcinoma")],
      [alt("PTEN", "R130G", "c.388C>G"), alt("PIK3CA", "H1047R", "c.3140A>G"), alt("ARID1A", "Q1334*", "truncating")],
      ["carboplatin", "paclitaxel", "dostarlimab"],
      ["levothyroxine", "dexamethasone", "diphenhydramine", "famotidine", "ondansetron", "paracetamol",
       "pegfilgrastim", "hydrocortisone"],
      [resp("carboplatin", "CR"), resp("paclitaxel", "CR"), resp("dostarlimab", "CR")],
      [ae(["arthralgia"], 2, "paclitaxel"), ae(PSN, 2, "paclitaxel"), ae(NEUTROPENIA, 3, "carboplatin"),
       ae(["adrenal insufficiency", "secondary adrenal insufficiency", "acth deficiency"], 2, "dostarlimab"),
       ae(PRURITUS, 1, "dostarlimab")],
      [])

write("r21-24_urothelial-fgfr3-ev-pembrolizumab-insulin-erdafitinib-sevelamer.txt", 70, "male",
      [dx("BLCA", "urothelial carcinoma", "urothelial carcinoma of the bladder", "bladder cancer",
          "bladder urothelial carcinoma")],
      [alt("FGFR3", "S249C", "c.746C>G"), TERT_C228T, alt("KDM6A", "truncation", "truncating")],
      ["enfortumab vedotin", "pembrolizumab", "erdafitinib"],
      ["aspirin", "bisoprolol", "atorvastatin", "insulin", "prednisone", "sevelamer", "dexamethasone", "denosumab",
       "enfortumab", "ev"],
      [resp("enfortumab vedotin", "PR"), resp("pembrolizumab", "PR"), resp("erdafitinib", "PR")],
      [ae(HYPERGLY, 3, "enfortumab vedotin"), ae(MPRASH, 2, "enfortumab vedotin"), ae(PSN, 2, "enfortumab vedotin"),
       ae(["dry eye"], 1, "enfortumab vedotin"), ae(["pneumonitis"], 2, "pembrolizumab"),
       ae(["hyperphosphatemia", "hyperphosphataemia"], 2, "erdafitinib"),
       ae(["stomatitis", "mucositis oral", "oral mucositis"], 2, "erdafitinib"), ae(["onycholysis"], 1, "erdafitinib")],
      [])
