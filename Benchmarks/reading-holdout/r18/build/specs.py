"""Compact gold specs for the r18 hold-out set (non-oncology specialty journals, non-native English, molecular-report
variant notation); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia"]
THROMBO = ["platelet count decreased", "thrombocytopenia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt rose"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
CRS = ["cytokine release syndrome", "crs"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
FN = ["febrile neutropenia", "neutropenic fever"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysaesthesia", "hand-foot syndrome",
       "hand-foot skin reaction", "ppe"]
DS = ["differentiation syndrome", "ds"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
PE_OED = ["peripheral edema", "peripheral oedema", "edema limbs", "leg swelling"]
PYREXIA = ["pyrexia", "fever"]
CPK = ["cpk increased", "creatine phosphokinase increased", "cpk increase", "creatine kinase increased"]
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A", "NM_004333.4:c.1799T>A")
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "t(9;22)(q34;q11)", "rearrangement")

# ---------------- haematological (01-12) ----------------
write("r18-01_cml-nilotinib-paod-bosutinib.txt", 58, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml")],
      [alt("ABL1", *ABL1_FUSION, "e14a2")],
      ["nilotinib", "bosutinib"],
      ["metformin", "atorvastatin", "clopidogrel", "loperamide"],
      [resp("nilotinib", "PR", "CR"), resp("bosutinib", "PR", "CR")],
      [ae(["peripheral arterial occlusive disease", "peripheral ischemia", "peripheral ischaemia", "paod"], 3,
          "nilotinib"),
       ae(DIARRHEA + ["loose stools"], 2, "bosutinib")],
      [])

write("r18-02_aml-idh1-ivosidenib-guillain-barre.txt", 71, "female",
      [AML],
      [alt("IDH1", "R132C", "c.394C>T", "NM_005896.4:c.394C>T"), alt("SRSF2", "P95H")],
      ["ivosidenib", "azacitidine"],
      ["levothyroxine", "dexamethasone", "immunoglobulin", "intravenous immunoglobulin"],
      [resp("ivosidenib", "CR"), resp("azacitidine", "CR")],
      [ae(DS, 2, "ivosidenib"),
       ae(["guillain-barre syndrome", "guillain-barré syndrome", "acute inflammatory demyelinating polyneuropathy"], 3,
          "ivosidenib")],
      [])

write("r18-03_cll-tp53-ibrutinib-af-acalabrutinib.txt", 68, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("TP53", "R248W", "c.742C>T")],
      ["ibrutinib", "acalabrutinib"],
      ["ramipril", "amiodarone", "apixaban", "bisoprolol", "paracetamol"],
      [resp("ibrutinib", "PR"), resp("acalabrutinib", "PR")],
      [ae(["atrial fibrillation"], 3, "ibrutinib"), ae(["headache"], 1, "acalabrutinib")],
      [])

write("r18-04_myeloma-carfilzomib-tma-venetoclax.txt", 61, "female",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma")],
      [alt("KRAS", "G12D", "c.35G>A")],
      ["bortezomib", "lenalidomide", "dexamethasone", "carfilzomib", "venetoclax"],
      [],
      [resp("bortezomib", "PR"), resp("lenalidomide", "PR"), resp("dexamethasone", "CR", "PR"),
       resp("venetoclax", "CR")],
      [ae(["thrombotic microangiopathy", "tma"], 3, "carfilzomib"), ae(NEUTROPENIA, 3, "venetoclax")],
      [])

write("r18-05_phall-dasatinib-t315i-ponatinib-stroke.txt", 52, "male",
      [dx("BLL", "b-lymphoblastic leukaemia", "b-lymphoblastic leukemia", "acute lymphoblastic leukaemia",
          "acute lymphoblastic leukemia", "philadelphia-positive acute lymphoblastic leukaemia", "ph+ all")],
      [alt("ABL1", *ABL1_FUSION, "t(9;22)(q34;q11.2)", "e1a2", "p190"),
       alt("ABL1", "T315I", "c.944C>T", "NM_005157.6:c.944C>T"),
       alt("IKZF1", "deletion", "exon 4-7 deletion", "deletion of exons 4-7")],
      ["dasatinib", "prednisone", "ponatinib", "blinatumomab"],
      ["methotrexate", "simvastatin", "paracetamol", "aspirin", "statin"],
      [resp("dasatinib", "CR"), resp("prednisone", "CR"), resp("ponatinib", "CR"), resp("blinatumomab", "CR")],
      [ae(["pleural effusion"], 1, "dasatinib"), ae(CRS, 1, "blinatumomab"),
       ae(["stroke", "ischemic stroke", "ischaemic stroke", "cerebral infarction"], 3, "ponatinib")],
      [res("ABL1", "dasatinib")])

write("r18-06_asm-kit-d816v-midostaurin-avapritinib-cognitive.txt", 66, "female",
      [dx("SM", "aggressive systemic mastocytosis", "systemic mastocytosis", "mastocytosis")],
      [alt("KIT", "D816V", "c.2447A>T"), alt("TET2", "Q1034*")],
      ["midostaurin", "avapritinib"],
      ["zoledronic acid", "ondansetron"],
      [resp("midostaurin", "SD"), resp("avapritinib", "PR")],
      [ae(["nausea"], 2, "midostaurin"), ae(["vomiting"], 2, "midostaurin"), ae(PERI_OED, 1, "avapritinib"),
       ae(["memory impairment", "cognitive effects", "cognitive disturbance", "cognitive impairment"], 2,
          "avapritinib")],
      [])

write("r18-07_ecd-braf-vemurafenib-rash-dabrafenib.txt", 49, "male",
      [dx("ECD", "erdheim-chester disease", "erdheim chester disease")],
      [BRAF_V600E],
      ["vemurafenib", "dabrafenib"],
      ["allopurinol", "desmopressin", "clobetasol", "prednisone"],
      [resp("vemurafenib", "PR"), resp("dabrafenib", "PR")],
      [ae(MPRASH, 3, "vemurafenib"), ae(["photosensitivity"], 2, "vemurafenib"), ae(["fatigue"], None, "vemurafenib"),
       ae(PYREXIA, 2, "dabrafenib")],
      [])

write("r18-08_aml-flt3-midostaurin-gilteritinib-sweet.txt", 44, "female",
      [AML],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288CysfsTer12", "c.860_863dup", "type A", "frameshift"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"), alt("DNMT3A", "R882C")],
      ["daunorubicin", "cytarabine", "midostaurin", "gilteritinib"],
      ["calcipotriol", "meropenem", "prednisone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"),
       ae(["sweet syndrome", "sweet's syndrome", "acute febrile neutrophilic dermatosis", "neutrophilic dermatosis"], 2,
          "gilteritinib"),
       ae(ALT_UP, 2, "gilteritinib")],
      [])

write("r18-09_myelofibrosis-jak2-ruxolitinib-fedratinib-wernicke.txt", 73, "male",
      [dx("PMF", "primary myelofibrosis", "myelofibrosis")],
      [alt("JAK2", "V617F", "c.1849G>T", "NM_004972.4:c.1849G>T"),
       alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "p.Gly646TrpfsTer12", "frameshift")],
      ["ruxolitinib", "fedratinib", "momelotinib"],
      ["apixaban", "thiamine"],
      [resp("ruxolitinib", "PR", "SD")],
      [ae(ANEMIA, 3, "ruxolitinib"), ae(DIARRHEA, 2, "fedratinib"), ae(["vomiting"], 2, "fedratinib"),
       ae(["wernicke encephalopathy", "wernicke's encephalopathy", "encephalopathy"], 3, "fedratinib")],
      [])

write("r18-10_mcl-tp53-rituximab-serum-sickness-zanubrutinib.txt", 64, "male",
      [dx("MCL", "mantle cell lymphoma")],
      [alt("TP53", "R273H", "c.818G>A"), alt("ATM", "R2032*")],
      ["bendamustine", "rituximab", "zanubrutinib"],
      ["amlodipine", "prednisone"],
      [resp("zanubrutinib", "PR")],
      [ae(["serum sickness", "serum sickness-like reaction"], 2, "rituximab"),
       ae(["contusion", "bruising"], 1, "zanubrutinib"), ae(NEUTROPENIA, 2, "zanubrutinib")],
      [])

write("r18-11_aml-idh2-enasidenib-ds-aki.txt", 76, "male",
      [AML],
      [alt("IDH2", "R140Q", "c.419G>A", "NM_002168.4:c.419G>A"), alt("RUNX1", "R162K")],
      ["azacitidine", "enasidenib"],
      ["amlodipine", "dexamethasone", "hydroxycarbamide", "hydroxyurea"],
      [resp("enasidenib", "CR")],
      [ae(DS, 3, "enasidenib"), ae(["acute kidney injury", "aki"], 3, "enasidenib"),
       ae(["blood bilirubin increased", "hyperbilirubinemia", "hyperbilirubinaemia"], 1, "enasidenib")],
      [])

write("r18-12_bpdcn-tagraxofusp-cls-venetoclax.txt", 70, "male",
      [dx("BPDCN", "blastic plasmacytoid dendritic cell neoplasm")],
      [alt("TET2", "R1452*"), alt("TET2", "c.3954+1G>A", "splice site", "splice-site mutation"),
       alt("ASXL1", "E635Rfs*15", "p.E635Rfs*15", "p.Glu635ArgfsTer15", "frameshift")],
      ["tagraxofusp", "venetoclax", "azacitidine"],
      ["tamsulosin", "albumin"],
      [resp("tagraxofusp", "CR"), resp("venetoclax", "PD"), resp("azacitidine", "PD")],
      [ae(["capillary leak syndrome", "cls"], 2, "tagraxofusp"), ae(ALT_UP, 3, "tagraxofusp"),
       ae(THROMBO, 3, "tagraxofusp")],
      [])

# ---------------- solid tumours (13-24) ----------------
write("r18-13_melanoma-braf-encorafenib-binimetinib-retinopathy-nras.txt", 47, "female",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "superficial spreading melanoma", "metastatic melanoma")],
      [BRAF_V600E, alt("CDKN2A", "deletion", "homozygous deletion", "loss"),
       alt("NRAS", "Q61K", "c.181C>A")],
      ["encorafenib", "binimetinib", "nivolumab", "ipilimumab"],
      ["latanoprost"],
      [resp("encorafenib", "PR"), resp("binimetinib", "PR")],
      [ae(["retinopathy", "serous retinopathy", "serous retinal detachment", "mek inhibitor-associated serous retinopathy"],
          2, "binimetinib"),
       ae(CPK, 2, "binimetinib"),
       ae(["hepatitis", "immune-mediated hepatitis", "autoimmune hepatitis"], 3, "ipilimumab")],
      [res("NRAS", "encorafenib"), res("NRAS", "binimetinib")])

write("r18-14_nsclc-egfr-ex19-osimertinib-paronychia-met-savolitinib.txt", 55, "female",
      [LUAD],
      [alt("EGFR", "exon 19 deletion", "E746_A750del", "p.Glu746_Ala750del", "c.2235_2249del",
           "NM_005228.5:c.2235_2249del"),
       alt("TP53", "R158H"), alt("MET", "amplification", "amplified", "copy number 12")],
      ["osimertinib", "savolitinib"],
      ["sumatriptan", "clindamycin", "clobetasol", "doxycycline", "silver nitrate"],
      [resp("osimertinib", "PR"), resp("savolitinib", "PR")],
      [ae(["dry skin", "xerosis"], 1, "osimertinib"), ae(ACNE, 1, "osimertinib"), ae(["paronychia"], 3, "osimertinib"),
       ae(PE_OED, 2, "savolitinib"), ae(["nausea"], 1, "savolitinib")],
      [res("MET", "osimertinib")])

write("r18-15_crc-kras-g12c-folfox-sotorasib-panitumumab-hypomagnesaemia.txt", 59, "male",
      [dx("COADREAD", "colorectal adenocarcinoma", "colon adenocarcinoma", "colorectal cancer", "colon cancer",
          "adenocarcinoma of the sigmoid colon")],
      [alt("KRAS", "G12C", "c.34G>T", "NM_004985.5:c.34G>T"), alt("APC", "R1450*")],
      ["oxaliplatin", "fluorouracil", "leucovorin", "bevacizumab", "sotorasib", "panitumumab"],
      ["folfox", "amlodipine", "doxycycline", "hydrocortisone", "magnesium sulfate", "magnesium"],
      [resp("oxaliplatin", "PR"), resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("bevacizumab", "PR"),
       resp("sotorasib", "PR"), resp("panitumumab", "PR")],
      [ae(PSN, 2, "oxaliplatin"), ae(ACNE, 2, "panitumumab"),
       ae(["hypomagnesemia", "hypomagnesaemia"], 3, "panitumumab"), ae(DIARRHEA, 1, "sotorasib")],
      [])

write("r18-16_rcc-vhl-pembrolizumab-axitinib-nephritis.txt", 63, "male",
      [dx("CCRCC", "clear cell renal cell carcinoma", "renal cell carcinoma", "clear cell renal carcinoma", "ccrcc")],
      [alt("VHL", "S65W", "c.194C>G"), alt("PBRM1", "Q1298*")],
      ["pembrolizumab", "axitinib"],
      ["metformin", "gliclazide", "amlodipine", "prednisone"],
      [resp("pembrolizumab", "PR"), resp("axitinib", "PR")],
      [ae(HTN, 3, "axitinib"), ae(["dysphonia"], 1, "axitinib"), ae(["proteinuria"], 2, "axitinib"),
       ae(["acute kidney injury", "acute interstitial nephritis", "interstitial nephritis", "nephritis", "aki"], 3,
          "pembrolizumab")],
      [])

write("r18-17_gist-kit-ex11-imatinib-periorbital-v654a-sunitinib.txt", 63, "female",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist")],
      [alt("KIT", "W557_K558del", "p.Trp557_Lys558del", "c.1669_1674del", "exon 11 deletion"),
       alt("KIT", "V654A", "c.1961T>C")],
      ["imatinib", "sunitinib"],
      ["budesonide", "salbutamol", "levothyroxine"],
      [resp("imatinib", "PR"), resp("sunitinib", "SD")],
      [ae(PERI_OED, 2, "imatinib"), ae(PPE, 2, "sunitinib"), ae(HYPOTHY, 2, "sunitinib")],
      [res("KIT", "imatinib")])

write("r18-18_breast-her2-thp-lvef-tucatinib.txt", 54, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "invasive ductal carcinoma of the breast",
          "her2-positive metastatic breast cancer")],
      [alt("ERBB2", "amplification", "amplified"), alt("PIK3CA", "H1047R", "c.3140A>G")],
      ["docetaxel", "trastuzumab", "pertuzumab", "tucatinib", "capecitabine"],
      ["levothyroxine", "ramipril", "bisoprolol", "loperamide"],
      [resp("docetaxel", "PR", "CR"), resp("trastuzumab", "CR", "PR"), resp("pertuzumab", "CR", "PR"),
       resp("tucatinib", "PR"), resp("capecitabine", "PR")],
      [ae(["ejection fraction decreased", "decreased ejection fraction", "left ventricular systolic dysfunction"], 2,
          "trastuzumab"),
       ae(DIARRHEA, 2, "tucatinib"), ae(PPE, 1, "capecitabine")],
      [])

write("r18-19_nsclc-alk-crizotinib-renal-cysts-alectinib.txt", 39, "male",
      [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "rearrangement", "variant 3")],
      ["crizotinib", "alectinib"],
      ["omeprazole"],
      [resp("crizotinib", "PR"), resp("alectinib", "PR", "CR")],
      [ae(["visual disturbance", "vision disorder", "visual impairment"], 1, "crizotinib"),
       ae(["renal cyst", "renal cysts", "complex renal cysts"], None, "crizotinib"),
       ae(CPK, 2, "alectinib"), ae(["constipation"], 1, "alectinib")],
      [])

write("r18-20_mtc-ret-m918t-vandetanib-qt-selpercatinib.txt", 45, "female",
      [dx("THME", "medullary thyroid carcinoma", "medullary thyroid cancer", "mtc")],
      [alt("RET", "M918T", "c.2753T>C", "NM_020975.6:c.2753T>C")],
      ["vandetanib", "selpercatinib"],
      ["levothyroxine", "amlodipine", "olmesartan"],
      [resp("vandetanib", "SD"), resp("selpercatinib", "PR")],
      [ae(QTC, 3, "vandetanib"), ae(DIARRHEA, 2, "vandetanib"), ae(HTN, 3, "selpercatinib"),
       ae(["dry mouth"], 1, "selpercatinib"),
       ae(["alanine aminotransferase increased", "alt increased", "alt elevation"], 1, "selpercatinib")],
      [])

write("r18-21_nsclc-braf-dabrafenib-trametinib-panniculitis.txt", 67, "male",
      [LUAD],
      [BRAF_V600E, alt("TP53", "R175H", "c.524G>A")],
      ["dabrafenib", "trametinib", "carboplatin", "pemetrexed"],
      ["allopurinol", "naproxen", "prednisone"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(["panniculitis"], 2, "dabrafenib"), ae(["arthralgia"], 2, "dabrafenib")],
      [])

write("r18-22_urothelial-fgfr3-erdafitinib-csr.txt", 71, "male",
      [dx("BLCA", "urothelial carcinoma", "bladder urothelial carcinoma", "urothelial carcinoma of the bladder",
          "bladder cancer")],
      [alt("FGFR3", "S249C", "c.746C>G", "NM_000142.5:c.746C>G"),
       alt("TERT", "c.-124C>T", "C228T", "promoter", "promoter mutation")],
      ["gemcitabine", "cisplatin", "avelumab", "erdafitinib"],
      ["propranolol", "metformin", "sevelamer"],
      [resp("gemcitabine", "PR"), resp("cisplatin", "PR"), resp("avelumab", "PD", "SD"), resp("erdafitinib", "PR")],
      [ae(["tinnitus"], 1, "cisplatin"), ae(["hyperphosphatemia", "hyperphosphataemia"], None, "erdafitinib"),
       ae(["central serous retinopathy", "serous retinopathy", "retinopathy", "central serous chorioretinopathy"], 2,
          "erdafitinib"),
       ae(["dry eye"], 1, "erdafitinib"), ae(["nail changes", "onycholysis", "nail loss", "nail toxicity"], 2, "erdafitinib"),
       ae(["stomatitis", "mucositis oral", "oral mucositis"], 1, "erdafitinib")],
      [])

write("r18-23_hgsoc-gbrca2-carboplatin-olaparib-creatinine.txt", 58, "female",
      [dx("HGSOC", "high-grade serous ovarian cancer", "high-grade serous carcinoma", "ovarian cancer",
          "high-grade serous carcinoma of the ovary")],
      [alt("BRCA2", "c.5946delT", "S1982Rfs*22", "p.S1982Rfs*22", "p.Ser1982ArgfsTer22", "6174delT", "frameshift",
           "NM_000059.4:c.5946delT"),
       alt("TP53", "Y220C")],
      ["carboplatin", "paclitaxel", "olaparib", "doxorubicin"],
      ["lisinopril", "metoclopramide", "pegylated liposomal doxorubicin", "liposomal doxorubicin"],
      [resp("carboplatin", "PR"), resp("paclitaxel", "PR"), resp("olaparib", "CR")],
      [ae(PSN, 1, "paclitaxel"), ae(ANEMIA, 3, "olaparib"), ae(["nausea"], 1, "olaparib")],
      [])

write("r18-24_nsclc-kif5b-ret-pembrolizumab-arthritis-selpercatinib.txt", 52, "female",
      [LUAD],
      [alt("RET", "fusion", "KIF5B::RET", "KIF5B-RET", "rearrangement")],
      ["carboplatin", "pemetrexed", "pembrolizumab", "selpercatinib"],
      ["levothyroxine", "prednisone"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("selpercatinib", "PR")],
      [ae(["arthritis", "inflammatory arthritis", "immune-related inflammatory arthritis"], 2, "pembrolizumab"),
       ae(["drug hypersensitivity", "hypersensitivity", "allergic reaction"], 3, "selpercatinib"),
       ae(["dry mouth"], 1, "selpercatinib")],
      [])
