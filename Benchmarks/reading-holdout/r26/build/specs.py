"""Compact gold specs for the r26 hold-out set ("reports that talk about other patients": 01-08 single-patient
reports with a literature-review Discussion, 09-16 case series annotated for the index patient only, 17-24 letters
to the editor describing the authors' own patient); run `python3 build/specs.py` from r26/ to write gold/."""
import sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", ".."))
import goldlib
goldlib.OUT = os.path.join(HERE, "..", "gold")
from goldlib import alt, dx, ae, resp, res


def write(document, *args):
    # documents are named r26-NN.txt (no slug), so goldlib's stem would keep ".txt": rename afterwards
    goldlib.write(document, *args)
    os.replace(os.path.join(goldlib.OUT, document + ".json"),
               os.path.join(goldlib.OUT, document[:-4] + ".json"))


LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc",
          "non-small-cell lung cancer", "adenocarcinoma")
AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
IDC = dx("IDC", "breast cancer", "invasive ductal carcinoma", "metastatic breast cancer", "breast carcinoma")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
ANAEMIA = ["anemia", "anaemia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase", "transaminases increased", "transaminase increased",
          "aspartate aminotransferase increased"]
BILI = ["blood bilirubin increased", "hyperbilirubinemia", "hyperbilirubinaemia", "bilirubin increased"]
FN = ["febrile neutropenia", "neutropenic fever"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension", "arterial hypertension"]
DS = ["differentiation syndrome", "ds"]
PYREXIA = ["pyrexia", "fever"]
NAUSEA = ["nausea"]
DIARRHEA = ["diarrhea", "diarrhoea"]
FATIGUE = ["fatigue"]
CONSTIP = ["constipation"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
       "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "hand-foot skin reaction"]
PERIPH_OED = ["edema limbs", "peripheral edema", "peripheral oedema", "oedema limbs", "oedema"]
CRAMPS = ["muscle cramp", "muscle cramps", "muscular cramps"]
PARONYCHIA = ["paronychia"]
DIZZY = ["dizziness"]
DYSGEUSIA = ["dysgeusia", "taste alteration"]
PNEUMONITIS = ["pneumonitis", "interstitial lung disease", "drug-related pneumonitis", "ild"]
NEUROPATHY = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy", "sensory neuropathy"]
IRR = ["infusion related reaction", "infusion-related reaction", "infusion reaction"]
VISUAL = ["visual disturbance", "vision disorder", "visual impairment", "visual disorder"]
CONTUSION = ["contusion", "bruising"]
HYPOMAG = ["hypomagnesemia", "hypomagnesaemia"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement", "t(9;22)(q34;q11)")
NPM1_A = alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288Cysfs*12", "type A", "mutation", "frameshift")
FLT3_ITD = alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD")
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")
KRAS_G12C = alt("KRAS", "G12C", "c.34G>T")
COAD_NAMES = ("colorectal cancer", "colorectal adenocarcinoma", "colon adenocarcinoma", "colon cancer",
              "metastatic colorectal cancer")

# ---------------- 01-08: single-patient reports with a literature-review Discussion ----------------
write("r26-01.txt", 54, "female", [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "rearrangement", "variant 3"),
       alt("ALK", "I1171N", "c.3512T>A")],
      ["alectinib", "lorlatinib"],
      ["macrogol", "atorvastatin"],
      [resp("alectinib", "PR"), resp("lorlatinib", "PR")],
      [ae(CONSTIP, 1, "alectinib"), ae(BILI, 2, "alectinib"),
       ae(["hypercholesterolaemia", "hypercholesterolemia"], 2, "lorlatinib"), ae(PERIPH_OED, 1, "lorlatinib")],
      [res("ALK", "alectinib")])

write("r26-02.txt", 71, "male",
      [dx("AMLMRC", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with myelodysplasia-related changes")],
      [alt("IDH1", "R132C"), alt("SRSF2", "P95H"), alt("IDH2", "R140Q")],
      ["ivosidenib", "azacitidine", "enasidenib"],
      ["dexamethasone"],
      [resp("ivosidenib", "CR"), resp("azacitidine", "CR"), resp("enasidenib", "PR")],
      [ae(DS, 2, "ivosidenib"), ae(NEUTROPENIA, 3, "azacitidine"), ae(QTC, 1, "ivosidenib")],
      [res("IDH2", "ivosidenib")])

write("r26-03.txt", 63, "female",
      [dx("COAD", *COAD_NAMES, "sigmoid adenocarcinoma", "adenocarcinoma of the sigmoid colon")],
      [KRAS_G12C, alt("TP53", "R273H"), alt("NRAS", "Q61K", "c.181C>A")],
      ["oxaliplatin", "fluorouracil", "leucovorin", "bevacizumab", "sotorasib", "panitumumab", "trifluridine",
       "tipiracil"],
      ["folfox", "doxycycline", "hydrocortisone", "magnesium", "trifluridine/tipiracil"],
      [resp("oxaliplatin", "SD"), resp("fluorouracil", "SD"), resp("leucovorin", "SD"), resp("bevacizumab", "SD"),
       resp("sotorasib", "PR"), resp("panitumumab", "PR"), resp("trifluridine", "SD"), resp("tipiracil", "SD")],
      [ae(NEUROPATHY, 2, "oxaliplatin"), ae(ACNE, 2, "panitumumab"), ae(HYPOMAG, 2, "panitumumab"),
       ae(DIARRHEA, 1, "sotorasib")],
      [res("NRAS", "sotorasib"), res("NRAS", "panitumumab")])

write("r26-04.txt", 47, "male", [LUAD],
      [alt("RET", "fusion", "KIF5B::RET", "KIF5B-RET", "rearrangement")],
      ["selpercatinib"],
      ["amlodipine"],
      [resp("selpercatinib", "PR")],
      [ae(HTN, 2, "selpercatinib"), ae(ALT_UP, 2, "selpercatinib"),
       ae(["chylothorax", "chylous effusion", "chylous pleural effusion", "pleural effusion"], 2, "selpercatinib"),
       ae(["dry mouth"], 1, "selpercatinib")],
      [])

write("r26-05.txt", 68, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll",
          "chronic lymphocytic leukemia/small lymphocytic lymphoma")],
      [alt("TP53", "R248Q", "c.743G>A"), alt("TP53", "deletion", "del(17p)", "17p deletion"),
       alt("BTK", "C481S", "c.1442G>C")],
      ["ibrutinib", "venetoclax", "rituximab"],
      ["bisoprolol", "rasburicase", "filgrastim"],
      [resp("ibrutinib", "PR"), resp("venetoclax", "CR"), resp("rituximab", "CR")],
      [ae(["atrial fibrillation"], 2, "ibrutinib"), ae(CONTUSION, 1, "ibrutinib"),
       ae(["tumor lysis syndrome", "tumour lysis syndrome", "laboratory tumour lysis syndrome", "tls"], 3,
          "venetoclax"),
       ae(NEUTROPENIA, 3, "venetoclax")],
      [res("BTK", "ibrutinib")])

write("r26-06.txt", 59, "female", [IDC],
      [alt("PIK3CA", "H1047R", "c.3140A>G"),
       alt("PTEN", "deletion", "homozygous deletion", "loss", "PTEN loss", "homozygous PTEN deletion")],
      ["anastrozole", "letrozole", "ribociclib", "fulvestrant", "alpelisib", "capecitabine"],
      ["metformin", "cetirizine"],
      [resp("letrozole", "PR"), resp("ribociclib", "PR"), resp("fulvestrant", "PR"), resp("alpelisib", "PR"),
       resp("capecitabine", "SD")],
      [ae(NEUTROPENIA, 3, "ribociclib"), ae(["hyperglycemia", "hyperglycaemia"], 3, "alpelisib"),
       ae(MPRASH, 2, "alpelisib"), ae(DIARRHEA, 1, "alpelisib")],
      [res("PTEN", "alpelisib")])

write("r26-07.txt", 34, "female",
      [dx("AMLMLLT3KMT2A", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with monocytic differentiation", "kmt2a-rearranged acute myeloid leukaemia")],
      [alt("KMT2A", "fusion", "KMT2A::MLLT3", "KMT2A-MLLT3", "rearrangement", "t(9;11)", "t(9;11)(p21;q23)"),
       alt("NRAS", "G13D"), alt("MEN1", "M327I", "c.981G>A")],
      ["cytarabine", "daunorubicin", "revumenib", "venetoclax", "azacitidine"],
      ["meropenem", "posaconazole", "dexamethasone", "hydroxyurea", "hydroxycarbamide"],
      [resp("cytarabine", "PD"), resp("daunorubicin", "PD"), resp("revumenib", "CR"), resp("venetoclax", "PR"),
       resp("azacitidine", "PR")],
      [ae(FN, 3, "cytarabine"), ae(DS, 2, "revumenib"), ae(QTC, 2, "revumenib")],
      [res("MEN1", "revumenib")])

write("r26-08.txt", 0, "female",
      [dx("IFS", "infantile fibrosarcoma", "fibrosarcoma", "congenital infantile fibrosarcoma")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement", "ETV6 exon 5 to NTRK3 exon 15")],
      ["larotrectinib"],
      [],
      [resp("larotrectinib", "PR")],
      [ae(ALT_UP, 2, "larotrectinib"), ae(["weight gain"], 1, "larotrectinib"), ae(ANAEMIA, 1, "larotrectinib")],
      [])

# ---------------- 09-16: case series, gold for the index patient only ----------------
write("r26-09.txt", 61, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "hcl")],
      [BRAF_V600E],
      ["cladribine", "vemurafenib", "rituximab"],
      ["piperacillin-tazobactam", "piperacillin", "tazobactam", "paracetamol", "acetaminophen"],
      [resp("cladribine", "CR"), resp("vemurafenib", "CR"), resp("rituximab", "CR")],
      [ae(FN, 3, "cladribine"), ae(["arthralgia"], 2, "vemurafenib"),
       ae(["photosensitivity", "photosensitivity reaction"], 1, "vemurafenib"), ae(BILI, 1, "vemurafenib")],
      [])

write("r26-10.txt", 57, "female", [LUAD],
      [alt("EGFR", "A767_V769dup", "p.A767_V769dup", "p.Ala767_Val769dup", "c.2300_2308dup", "exon 20 insertion",
           "insertion", "exon 20 insertion mutation"),
       alt("TP53", "Y220C")],
      ["carboplatin", "pemetrexed", "amivantamab"],
      ["hydrocortisone", "chlorphenamine", "chlorpheniramine", "doxycycline"],
      [resp("carboplatin", "SD"), resp("pemetrexed", "SD"), resp("amivantamab", "PR")],
      [ae(FATIGUE, 2, "carboplatin"), ae(IRR, 2, "amivantamab"), ae(PARONYCHIA, 2, "amivantamab"),
       ae(ACNE, 2, "amivantamab"), ae(PERIPH_OED, 1, "amivantamab")],
      [])

write("r26-11.txt", 46, "male",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml", "flt3-itd acute myeloid leukaemia")],
      [FLT3_ITD, NPM1_A, alt("NRAS", "G12D")],
      ["cytarabine", "daunorubicin", "midostaurin", "gilteritinib", "venetoclax", "azacitidine"],
      ["cefepime", "dexamethasone"],
      [resp("cytarabine", "CR"), resp("daunorubicin", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR"), resp("venetoclax", "SD"), resp("azacitidine", "SD")],
      [ae(FN, 3, "cytarabine"), ae(DS, 2, "gilteritinib"), ae(ALT_UP, 2, "gilteritinib")],
      [res("NRAS", "gilteritinib")])

write("r26-12.txt", 78, "female",
      [dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc",
          "non-small-cell lung cancer", "adenocarcinoma", "poorly differentiated lung adenocarcinoma")],
      [alt("MET", "exon 14 skipping", "c.3028+1G>T", "METex14", "exon 14 skipping mutation", "splice site mutation",
           "exon 14 skipping alteration"),
       alt("MET", "D1228N", "c.3682G>A")],
      ["capmatinib", "cabozantinib"],
      [],
      [resp("capmatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(PERIPH_OED, 2, "capmatinib"), ae(["creatinine increased", "blood creatinine increased"], 1, "capmatinib"),
       ae(NAUSEA, 1, "capmatinib"), ae(DIARRHEA, 2, "cabozantinib"), ae(PPE, 1, "cabozantinib")],
      [res("MET", "capmatinib")])

write("r26-13.txt", 38, "male",
      [dx("ODG", "oligodendroglioma", "idh-mutant oligodendroglioma", "low-grade glioma", "glioma",
          "oligodendroglioma, idh-mutant and 1p/19q-codeleted")],
      [alt("IDH1", "R132H", "c.395G>A"),
       alt("TERT", "C228T", "c.-124C>T", "promoter mutation", "TERT promoter mutation", "c.-124C>T (C228T)")],
      ["vorasidenib"],
      ["levetiracetam"],
      [resp("vorasidenib", "SD")],
      [ae(ALT_UP, 3, "vorasidenib"), ae(FATIGUE, 1, "vorasidenib")],
      [])

write("r26-14.txt", 44, "female",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
          "chronic-phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION, "e14a2", "b3a2"), alt("ABL1", "T315I", "c.944C>T", "gatekeeper mutation")],
      ["imatinib", "dasatinib", "ponatinib"],
      ["prednisolone", "furosemide", "ramipril", "atorvastatin"],
      [resp("imatinib", "CR", "PR"), resp("dasatinib", "PR", "CR"), resp("ponatinib", "PR", "CR")],
      [ae(CRAMPS, 1, "imatinib"), ae(["pleural effusion"], 2, "dasatinib"), ae(HTN, 2, "ponatinib"),
       ae(["lipase increased", "serum lipase increased", "lipase elevation"], 3, "ponatinib")],
      [res("ABL1", "dasatinib")])

write("r26-15.txt", 66, "male",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "igg kappa multiple myeloma")],
      [alt("CCND1", "fusion", "t(11;14)", "t(11;14)(q13;q32)", "translocation", "IGH::CCND1", "IGH-CCND1",
           "rearrangement")],
      ["daratumumab", "lenalidomide", "dexamethasone", "venetoclax"],
      ["hydrocortisone", "filgrastim"],
      [resp("daratumumab", "PR"), resp("lenalidomide", "PR"), resp("dexamethasone", "PR"), resp("venetoclax", "PR")],
      [ae(IRR, 2, "daratumumab"), ae(FATIGUE, 2, "lenalidomide"), ae(DIARRHEA, 1, "lenalidomide"),
       ae(NEUTROPENIA, 3, "venetoclax"), ae(NAUSEA, 1, "venetoclax")],
      [])

write("r26-16.txt", 9, "female",
      [dx("GNG", "ganglioglioma", "low-grade glioma", "paediatric low-grade glioma", "pediatric low-grade glioma",
          "glioma")],
      [BRAF_V600E],
      ["carboplatin", "vincristine", "dabrafenib", "trametinib"],
      ["paracetamol", "acetaminophen"],
      [resp("carboplatin", "PD"), resp("vincristine", "PD"), resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(["allergic reaction", "hypersensitivity", "carboplatin hypersensitivity", "anaphylaxis"], 3,
          "carboplatin"),
       ae(CONSTIP, 2, "vincristine"), ae(NEUROPATHY, 1, "vincristine"), ae(PYREXIA, 2, "dabrafenib"),
       ae(ACNE, 1, "trametinib")],
      [])

# ---------------- 17-24: letters to the editor, the authors' own patient ----------------
write("r26-17.txt", 72, "female", [LUAD],
      [alt("EGFR", "L858R", "c.2573T>G"), alt("TP53", "mutation"),
       alt("MET", "amplification", "high-level amplification", "MET amplification")],
      ["osimertinib", "savolitinib", "carboplatin", "pemetrexed"],
      ["furosemide"],
      [resp("osimertinib", "PR"), resp("savolitinib", "PR"), resp("carboplatin", "SD"), resp("pemetrexed", "SD")],
      [ae(PARONYCHIA, 1, "osimertinib"), ae(DIARRHEA, 1, "osimertinib"), ae(PERIPH_OED, 2, "savolitinib"),
       ae(ALT_UP, 2, "savolitinib")],
      [res("MET", "osimertinib")])

write("r26-18.txt", 52, "female", [IDC],
      [alt("PIK3CA", "E545K", "c.1633G>A")],
      ["letrozole", "palbociclib", "trastuzumab deruxtecan", "sacituzumab govitecan"],
      ["ondansetron", "olanzapine", "prednisolone", "filgrastim", "loperamide"],
      [resp("letrozole", "SD"), resp("palbociclib", "SD"), resp("trastuzumab deruxtecan", "PR"),
       resp("sacituzumab govitecan", "SD")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(NAUSEA, 2, "trastuzumab deruxtecan"),
       ae(["alopecia"], 1, "trastuzumab deruxtecan"), ae(PNEUMONITIS, 2, "trastuzumab deruxtecan"),
       ae(DIARRHEA, 2, "sacituzumab govitecan")],
      [])

write("r26-19.txt", 48, "male",
      [dx("COAD", *COAD_NAMES, "adenocarcinoma of the caecum", "caecal adenocarcinoma", "caecal tumour")],
      [BRAF_V600E, alt("MAP2K1", "K57N", "c.171G>T")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "irinotecan", "bevacizumab", "encorafenib", "cetuximab",
       "trifluridine", "tipiracil"],
      ["folfoxiri", "pegfilgrastim", "doxycycline", "trifluridine/tipiracil"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("irinotecan", "PR"),
       resp("bevacizumab", "PR"), resp("bevacizumab", "PD"), resp("encorafenib", "PR"), resp("cetuximab", "PR"),
       resp("trifluridine", "PD"), resp("tipiracil", "PD")],
      [ae(NEUTROPENIA, 3, "irinotecan"), ae(NEUROPATHY, 2, "oxaliplatin"), ae(ACNE, 2, "cetuximab"),
       ae(["arthralgia"], 1, "encorafenib"), ae(FATIGUE, 1, "encorafenib")],
      [res("MAP2K1", "encorafenib"), res("MAP2K1", "cetuximab")])

write("r26-20.txt", 45, "male", [LUAD],
      [alt("ROS1", "fusion", "SDC4::ROS1", "SDC4-ROS1", "rearrangement")],
      ["crizotinib", "repotrectinib"],
      [],
      [resp("crizotinib", "PR"), resp("repotrectinib", "PR")],
      [ae(VISUAL, 1, "crizotinib"), ae(PERIPH_OED, 1, "crizotinib"), ae(ALT_UP, 2, "crizotinib"),
       ae(DIZZY, 2, "repotrectinib"), ae(DYSGEUSIA, 1, "repotrectinib"),
       ae(["paraesthesia", "paresthesia"], 1, "repotrectinib")],
      [])

write("r26-21.txt", 74, "male",
      [dx("WM", "waldenström macroglobulinaemia", "waldenström macroglobulinemia", "waldenstrom macroglobulinemia",
          "waldenstrom macroglobulinaemia", "lymphoplasmacytic lymphoma", "wm")],
      [alt("MYD88", "L265P"), alt("CXCR4", "S338*", "c.1013C>G", "nonsense mutation", "S338X")],
      ["zanubrutinib"],
      ["amlodipine"],
      [resp("zanubrutinib", "PR")],
      [ae(NEUTROPENIA, 3, "zanubrutinib"), ae(CONTUSION, 1, "zanubrutinib"),
       ae(["upper respiratory infection", "upper respiratory tract infection"], 1, "zanubrutinib")],
      [])

write("r26-22.txt", 66, "male", [LUAD],
      [KRAS_G12C, alt("STK11", "Q37*", "truncating mutation", "Q37X"), alt("KRAS", "Y96D", "c.286T>G")],
      ["carboplatin", "pemetrexed", "pembrolizumab", "adagrasib", "docetaxel"],
      ["levothyroxine", "ondansetron", "loperamide"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("adagrasib", "PR"),
       resp("docetaxel", "PD")],
      [ae(["hypothyroidism"], 2, "pembrolizumab"), ae(FATIGUE, 1, "pembrolizumab"), ae(NAUSEA, 2, "adagrasib"),
       ae(DIARRHEA, 2, "adagrasib"), ae(QTC, 1, "adagrasib")],
      [res("KRAS", "adagrasib")])

write("r26-23.txt", 76, "female",
      [dx("AMLNPM1", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with npm1 mutation")],
      [NPM1_A, alt("IDH2", "R140Q"), FLT3_ITD],
      ["hydroxyurea", "venetoclax", "azacitidine", "gilteritinib"],
      ["allopurinol", "piperacillin-tazobactam", "piperacillin", "tazobactam", "dexamethasone"],
      [resp("venetoclax", "CR"), resp("azacitidine", "CR"), resp("gilteritinib", "PR")],
      [ae(FN, 3, "venetoclax"), ae(THROMBO, 4, "venetoclax"), ae(DS, 2, "gilteritinib")],
      [res("FLT3", "venetoclax"), res("FLT3", "azacitidine")])

write("r26-24.txt", 23, "male",
      [dx("ALCLALKP", "anaplastic large cell lymphoma", "alk-positive anaplastic large cell lymphoma", "alcl",
          "anaplastic large-cell lymphoma")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "t(2;5)", "rearrangement")],
      ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone", "crizotinib"],
      ["filgrastim", "bv-chp"],
      [resp("brentuximab vedotin", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"),
       resp("prednisone", "CR"), resp("crizotinib", "CR")],
      [ae(FN, 3, "brentuximab vedotin"), ae(NEUROPATHY, 2, "brentuximab vedotin"), ae(VISUAL, 1, "crizotinib"),
       ae(DIARRHEA, 1, "crizotinib"), ae(["bradycardia", "sinus bradycardia"], 2, "crizotinib")],
      [])
