"""Compact gold specs for the r25 hold-out set (non-native academic English, 01-12, and the surgeon's, radiologist's
and pathologist's side, 13-24); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

GIST = dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist",
          "gastric gist", "gastrointestinal stromal tumours")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc",
          "non-small-cell lung cancer", "adenocarcinoma")
AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
CML = dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
         "chronic-phase chronic myeloid leukaemia")
IHCH = dx("IHCH", "intrahepatic cholangiocarcinoma", "cholangiocarcinoma", "biliary tract cancer")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
ANAEMIA = ["anemia", "anaemia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase", "transaminases increased", "transaminase increased",
          "aspartate aminotransferase increased"]
FN = ["febrile neutropenia", "neutropenic fever"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension", "arterial hypertension"]
DS = ["differentiation syndrome", "ds"]
PYREXIA = ["pyrexia", "fever"]
WEIGHT_GAIN = ["weight gain"]
NAUSEA = ["nausea"]
VOMITING = ["vomiting"]
DIARRHEA = ["diarrhea", "diarrhoea"]
FATIGUE = ["fatigue"]
MUCOSITIS = ["mucositis oral", "oral mucositis", "stomatitis"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
       "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "hand-foot skin reaction"]
PERIORB = ["periorbital edema", "periorbital oedema", "eyelid oedema", "eyelid edema"]
PERIPH_OED = ["edema limbs", "peripheral edema", "peripheral oedema", "oedema limbs", "oedema"]
CRAMPS = ["muscle cramp", "muscle cramps", "muscular cramps"]
HYPOTHYR = ["hypothyroidism"]
PARONYCHIA = ["paronychia"]
DIZZY = ["dizziness"]
DYSGEUSIA = ["dysgeusia", "taste alteration"]
MEMORY = ["memory impairment", "cognitive disturbance", "cognitive effects"]
HYPERPHOS = ["hyperphosphatemia", "hyperphosphataemia"]
PNEUMONITIS = ["pneumonitis", "interstitial lung disease", "drug-related pneumonitis", "ild"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")
EX19 = ("exon 19 deletion", "deletion", "exon 19 del", "ex19del")
KIT = "KIT"

# ---------------- non-native academic English (01-12) ----------------
write("r25-01_gastric-gist-kit-exon11-imatinib-n822k-sunitinib.txt", 58, "male", [GIST],
      [alt(KIT, "W557_K558del", "p.W557_K558del", "p.Trp557_Lys558del", "exon 11 deletion", "deletion"),
       alt(KIT, "N822K", "c.2466T>G", "exon 17 mutation")],
      ["imatinib", "sunitinib"],
      ["furosemide", "magnesium", "amlodipine", "levothyroxine"],
      [resp("imatinib", "PR"), resp("sunitinib", "SD")],
      [ae(PERIORB, 1, "imatinib"), ae(CRAMPS, 1, "imatinib"), ae(PPE, 2, "sunitinib"), ae(HTN, 3, "sunitinib"),
       ae(HYPOTHYR, None, "sunitinib")],
      [res(KIT, "imatinib")])

write("r25-02_lung-adenocarcinoma-egfr-ex19del-osimertinib-met-amplification-crizotinib.txt", 61, "female", [LUAD],
      [alt("EGFR", *EX19, "E746_A750del", "p.E746_A750del", "p.Glu746_Ala750del"),
       alt("MET", "amplification", "high level amplification", "copy number gain")],
      ["osimertinib", "crizotinib", "carboplatin", "pemetrexed"],
      ["loperamide", "silver nitrate"],
      [resp("osimertinib", "PR"), resp("crizotinib", "PR"), resp("carboplatin", "SD"), resp("pemetrexed", "SD")],
      [ae(PARONYCHIA, 2, "osimertinib"), ae(DIARRHEA, 1, "osimertinib"), ae(PERIPH_OED, 2, "crizotinib"),
       ae(NAUSEA, 1, "crizotinib"), ae(ALT_UP, 2, "crizotinib")],
      [res("MET", "osimertinib")])

write("r25-03_melanoma-braf-v600e-dabrafenib-trametinib-nras-q61k-ipilimumab-nivolumab.txt", 47, "male",
      [dx("SKCM", "melanoma", "cutaneous melanoma", "superficial spreading melanoma", "metastatic melanoma")],
      [BRAF_V600E, alt("NRAS", "Q61K", "c.181C>A")],
      ["dabrafenib", "trametinib", "ipilimumab", "nivolumab"],
      ["prednisone", "doxycycline", "methylprednisolone", "infliximab"],
      [resp("dabrafenib", "CR"), resp("trametinib", "CR"), resp("ipilimumab", "PR"), resp("nivolumab", "PR")],
      [ae(PYREXIA, 3, "dabrafenib"), ae(ACNE, 1, "trametinib"),
       ae(["colitis", "immune-related colitis", "immune colitis"], 3, "ipilimumab")],
      [res("NRAS", "dabrafenib"), res("NRAS", "trametinib")])

write("r25-04_cml-imatinib-e255k-dasatinib-pleural-effusion.txt", 39, "female", [CML],
      [alt("ABL1", *ABL1_FUSION, "e13a2", "b2a2"), alt("ABL1", "E255K", "c.763G>A", "P-loop mutation")],
      ["hydroxyurea", "imatinib", "dasatinib"],
      ["prednisone", "furosemide"],
      [resp("imatinib", "PR"), resp("dasatinib", "PR", "CR")],
      [ae(CRAMPS, 1, "imatinib"), ae(MPRASH, 2, "imatinib"), ae(THROMBO, 3, "dasatinib"),
       ae(["pleural effusion"], 2, "dasatinib")],
      [res("ABL1", "imatinib")])

write("r25-05_aml-flt3-itd-npm1-quizartinib-f691l-gilteritinib.txt", 52, "male", [AML],
      [alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"),
       alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288Cysfs*12", "c.860_863dupTCTG", "c.860_863dup", "type A",
           "mutation", "frameshift"),
       alt("FLT3", "F691L", "gatekeeper mutation")],
      ["cytarabine", "daunorubicin", "quizartinib", "gilteritinib"],
      ["meropenem", "dexamethasone", "furosemide", "fludarabine", "busulfan"],
      [resp("cytarabine", "CR"), resp("daunorubicin", "CR"), resp("quizartinib", "CR"), resp("gilteritinib", "PR")],
      [ae(FN, 3, "cytarabine"), ae(QTC, 2, "quizartinib"), ae(DS, 2, "gilteritinib")],
      [res("FLT3", "quizartinib")])

write("r25-06_gastric-adenocarcinoma-her2-trastuzumab-capox-trastuzumab-deruxtecan-ild.txt", 66, "male",
      [dx("STAD", "gastric adenocarcinoma", "gastric cancer", "adenocarcinoma of the stomach", "gastric carcinoma",
          "gastro-oesophageal junction adenocarcinoma", "oesophagogastric junction adenocarcinoma",
          "adenocarcinoma of intestinal type", "adenocarcinoma")],
      [alt("ERBB2", "amplification", "overexpression", "HER2 positive", "IHC 3+")],
      ["trastuzumab", "capecitabine", "oxaliplatin", "trastuzumab deruxtecan", "paclitaxel", "ramucirumab"],
      ["olanzapine", "ondansetron", "prednisone", "capox"],
      [resp("trastuzumab", "PR"), resp("capecitabine", "PR"), resp("oxaliplatin", "PR"),
       resp("trastuzumab deruxtecan", "SD"), resp("paclitaxel", "SD"), resp("ramucirumab", "SD")],
      [ae(["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy", "neurotoxicity"], 2,
          "oxaliplatin"),
       ae(PPE, 1, "capecitabine"), ae(PNEUMONITIS, 2, "trastuzumab deruxtecan"),
       ae(NAUSEA, None, "trastuzumab deruxtecan")],
      [])

write("r25-07_medullary-thyroid-ret-m918t-selpercatinib-g810s-cabozantinib.txt", 34, "female",
      [dx("THME", "medullary thyroid carcinoma", "medullary thyroid cancer", "mtc", "medullary carcinoma")],
      [alt("RET", "M918T", "c.2753T>C"), alt("RET", "G810S", "c.2428G>A", "solvent front mutation")],
      ["selpercatinib", "cabozantinib"],
      ["amlodipine", "ramipril"],
      [resp("selpercatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(HTN, 3, "selpercatinib"), ae(ALT_UP, 2, "selpercatinib"), ae(["dry mouth"], 1, "selpercatinib"),
       ae(MUCOSITIS, 2, "cabozantinib"), ae(["weight loss"], None, "cabozantinib")],
      [res("RET", "selpercatinib")])

write("r25-08_parotid-secretory-carcinoma-etv6-ntrk3-entrectinib-g623r-repotrectinib.txt", 45, "male",
      [dx("MASC", "secretory carcinoma", "mammary analogue secretory carcinoma", "salivary gland secretory carcinoma",
          "secretory carcinoma of salivary glands", "secretory carcinoma of the parotid gland")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement", "ETV6 exon 5 - NTRK3 exon 15"),
       alt("NTRK3", "G623R", "c.1867G>A", "solvent front mutation")],
      ["entrectinib", "repotrectinib"],
      [],
      [resp("entrectinib", "PR"), resp("repotrectinib", "PR")],
      [ae(DYSGEUSIA, 1, "entrectinib"), ae(DIZZY, 1, "entrectinib"), ae(WEIGHT_GAIN, 2, "entrectinib"),
       ae(["paresthesia", "paraesthesia"], 1, "repotrectinib"), ae(["constipation"], 1, "repotrectinib")],
      [res("NTRK3", "entrectinib")])

write("r25-09_aggressive-systemic-mastocytosis-kit-d816v-midostaurin-avapritinib.txt", 63, "male",
      [dx("ASM", "aggressive systemic mastocytosis", "systemic mastocytosis", "mastocytosis", "asm",
          "advanced systemic mastocytosis")],
      [alt(KIT, "D816V", "c.2447A>T")],
      ["midostaurin", "avapritinib"],
      ["cetirizine", "famotidine", "cromolyn", "cromoglicic acid", "ondansetron"],
      [resp("midostaurin", "PR"), resp("avapritinib", "PR")],
      [ae(NAUSEA, 2, "midostaurin"), ae(VOMITING, 2, "midostaurin"), ae(PERIORB, 2, "avapritinib"),
       ae(MEMORY, 1, "avapritinib")],
      [])

write("r25-10_gastric-gist-pdgfra-d842v-imatinib-primary-resistance-avapritinib.txt", 54, "female",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist", "epithelioid gist")],
      [alt("PDGFRA", "D842V", "c.2525A>T", "exon 18 mutation")],
      ["imatinib", "avapritinib"],
      [],
      [resp("imatinib", "PD"), resp("avapritinib", "PR")],
      [ae(ANAEMIA, 3, "avapritinib"), ae(MEMORY, 2, "avapritinib"), ae(PERIORB, 1, "avapritinib"),
       ae(["hair color changes", "hair colour changes", "hair color change", "hair colour change"], 1,
          "avapritinib")],
      [res("PDGFRA", "imatinib")])

write("r25-11_intrahepatic-cholangiocarcinoma-idh1-r132c-gemcis-durvalumab-ivosidenib.txt", 59, "male", [IHCH],
      [alt("IDH1", "R132C", "c.394C>T"), alt("BAP1", "Q436*", "c.1306C>T", "truncating mutation", "nonsense")],
      ["gemcitabine", "cisplatin", "durvalumab", "ivosidenib"],
      ["folfox", "fluorouracil", "leucovorin", "oxaliplatin"],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("ivosidenib", "SD")],
      [ae(NEUTROPENIA, 3, "gemcitabine"), ae(FATIGUE, 2, "gemcitabine"), ae(NAUSEA, 1, "ivosidenib"),
       ae(QTC, 1, "ivosidenib")],
      [])

write("r25-12_lung-adenocarcinoma-cd74-ros1-crizotinib-g2032r-repotrectinib.txt", 42, "female", [LUAD],
      [alt("ROS1", "fusion", "CD74::ROS1", "CD74-ROS1", "rearrangement"),
       alt("ROS1", "G2032R", "c.6094G>A", "solvent front mutation")],
      ["crizotinib", "repotrectinib"],
      [],
      [resp("crizotinib", "PR"), resp("repotrectinib", "PR")],
      [ae(["visual disturbance", "blurred vision", "visual impairment", "vision disorder"], 1, "crizotinib"),
       ae(PERIPH_OED, 2, "crizotinib"), ae(["sinus bradycardia", "bradycardia"], 1, "crizotinib"),
       ae(DIZZY, 2, "repotrectinib"), ae(DYSGEUSIA, 1, "repotrectinib"), ae(ANAEMIA, 2, "repotrectinib")],
      [res("ROS1", "crizotinib")])

# ---------------- the surgeon's, radiologist's and pathologist's side (13-24) ----------------
write("r25-13_surgeon-gastric-gist-kit-v560d-neoadjuvant-imatinib-wedge-resection.txt", 67, "male", [GIST],
      [alt(KIT, "V560D", "c.1679T>A", "exon 11 mutation")],
      ["imatinib"],
      ["loperamide", "cefazolin", "amoxicillin"],
      [resp("imatinib", "PR")],
      [ae(PERIORB, 1, "imatinib"), ae(DIARRHEA, 2, "imatinib")],
      [])

write("r25-14_radiologist-lung-egfr-l858r-gefitinib-t790m-osimertinib-pneumonitis.txt", 71, "male", [LUAD],
      [alt("EGFR", "L858R", "c.2573T>G"), alt("EGFR", "T790M", "c.2369C>T")],
      ["gefitinib", "osimertinib"],
      ["prednisolone"],
      [resp("gefitinib", "PR"), resp("osimertinib", "PR")],
      [ae(ACNE, 2, "gefitinib"), ae(DIARRHEA, 1, "gefitinib"), ae(PNEUMONITIS, 2, "osimertinib")],
      [res("EGFR", "gefitinib")])

write("r25-15_pathologist-lung-eml4-alk-alectinib-g1202r-lorlatinib.txt", 49, "female", [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "rearrangement", "variant 3"),
       alt("ALK", "G1202R", "c.3604G>A", "solvent-front mutation")],
      ["alectinib", "lorlatinib"],
      ["atorvastatin", "fenofibrate"],
      [resp("alectinib", "PR"), resp("lorlatinib", "PR")],
      [ae(["creatine phosphokinase increased", "cpk increased", "creatine kinase increased",
           "creatine phosphokinase increase"], 2, "alectinib"),
       ae(["myalgia"], 1, "alectinib"), ae(["hypercholesterolaemia", "hypercholesterolemia"], 2, "lorlatinib"),
       ae(["hypertriglyceridemia", "hypertriglyceridaemia"], 3, "lorlatinib"), ae(PERIPH_OED, 1, "lorlatinib")],
      [res("ALK", "alectinib")])

write("r25-16_surgeon-dfsp-col1a1-pdgfb-neoadjuvant-imatinib-wide-excision.txt", 36, "male",
      [dx("DFSP", "dermatofibrosarcoma protuberans", "dfsp")],
      [alt("PDGFB", "fusion", "COL1A1::PDGFB", "COL1A1-PDGFB", "rearrangement", "t(17;22)")],
      ["imatinib"],
      [],
      [resp("imatinib", "PR")],
      [ae(NAUSEA, 2, "imatinib"), ae(NEUTROPENIA, 3, "imatinib")],
      [])

write("r25-17_radiologist-jejunal-gist-liver-metastases-choi-nodule-within-mass-kit-v654a-sunitinib.txt", 62,
      "female", [GIST],
      [alt(KIT, "V559D", "c.1676T>A", "exon 11 mutation"), alt(KIT, "V654A", "c.1961T>C", "exon 13 mutation")],
      ["imatinib", "sunitinib"],
      ["levothyroxine"],
      [resp("imatinib", "PR", "SD"), resp("sunitinib", "SD")],
      [ae(PERIORB, 1, "imatinib"), ae(HYPOTHYR, 2, "sunitinib"), ae(PPE, 1, "sunitinib")],
      [res(KIT, "imatinib")])

write("r25-18_pathologist-colorectal-liver-metastases-folfox-cetuximab-kras-q61h-discordant-lesion.txt", 55, "male",
      [dx("COAD", "colorectal cancer", "colorectal adenocarcinoma", "colon adenocarcinoma", "sigmoid adenocarcinoma",
          "colorectal liver metastases", "colon cancer", "adenocarcinoma")],
      [alt("KRAS", "Q61H", "c.183A>C", "exon 3 mutation")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "cetuximab"],
      ["folfox"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("cetuximab", "PR")],
      [ae(ACNE, 2, "cetuximab"), ae(["hypomagnesemia", "hypomagnesaemia"], 1, "cetuximab")],
      [res("KRAS", "cetuximab")])

write("r25-19_radiologist-anaplastic-thyroid-braf-v600e-dabrafenib-trametinib-neoadjuvant-thyroidectomy.txt", 68,
      "female",
      [dx("THAP", "anaplastic thyroid carcinoma", "anaplastic thyroid cancer", "atc", "anaplastic carcinoma")],
      [BRAF_V600E, alt("TERT", "promoter mutation", "C228T", "c.-124C>T", "mutation")],
      ["dabrafenib", "trametinib"],
      ["calcium", "calcitriol"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(PERIPH_OED, 1, "trametinib")],
      [])

write("r25-20_pathologist-er-positive-breast-liver-metastasis-letrozole-palbociclib-esr1-y537s-elacestrant.txt", 57,
      "female",
      [dx("IDC", "breast cancer", "invasive ductal carcinoma", "metastatic breast cancer", "breast carcinoma",
          "metastatic breast carcinoma", "hormone receptor-positive breast cancer")],
      [alt("ESR1", "Y537S", "c.1610A>C", "ligand-binding domain mutation")],
      ["tamoxifen", "letrozole", "palbociclib", "elacestrant"],
      [],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("elacestrant", "SD")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(FATIGUE, 1, "palbociclib"), ae(NAUSEA, 1, "elacestrant")],
      [res("ESR1", "letrozole")])

write("r25-21_surgeon-lung-egfr-ex19del-neoadjuvant-osimertinib-lobectomy.txt", 64, "male", [LUAD],
      [alt("EGFR", *EX19, "L747_P753delinsS", "p.L747_P753delinsS", "p.Leu747_Pro753delinsSer")],
      ["osimertinib"],
      ["amiodarone"],
      [resp("osimertinib", "PR")],
      [ae(MUCOSITIS, 1, "osimertinib"), ae(PARONYCHIA, 2, "osimertinib")],
      [])

write("r25-22_radiologist-cholangiocarcinoma-fgfr2-bicc1-pemigatinib-n550k-futibatinib.txt", 51, "female", [IHCH],
      [alt("FGFR2", "fusion", "FGFR2::BICC1", "FGFR2-BICC1", "rearrangement"),
       alt("FGFR2", "N550K", "molecular brake mutation")],
      ["gemcitabine", "cisplatin", "pemigatinib", "futibatinib"],
      ["sevelamer"],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("pemigatinib", "PR"), resp("futibatinib", "PR")],
      [ae(HYPERPHOS, 2, "pemigatinib"),
       ae(["retinopathy", "serous retinal detachment", "central serous retinopathy"], 1, "pemigatinib"),
       ae(PPE, 2, "futibatinib"), ae(["dry eye"], 1, "futibatinib")],
      [res("FGFR2", "pemigatinib")])

write("r25-23_pathologist-hgsoc-germline-brca1-neoadjuvant-carboplatin-paclitaxel-olaparib-reversion.txt", 53,
      "female",
      [dx("HGSOC", "high-grade serous ovarian carcinoma", "high-grade serous carcinoma", "ovarian cancer",
          "ovarian carcinoma", "high-grade serous ovarian cancer", "tubo-ovarian high-grade serous carcinoma")],
      [alt("TP53", "R196*", "c.586C>T", "truncating mutation", "nonsense"),
       alt("BRCA1", "c.5266dupC", "Q1756Pfs*74", "p.Q1756Pfs*74", "p.Gln1756Profs*74", "c.5266dup", "frameshift",
           "germline", "pathogenic variant"),
       alt("BRCA1", "reversion mutation", "reversion", "deletion", "25-base-pair deletion", "exon 20 deletion")],
      ["carboplatin", "paclitaxel", "olaparib", "doxorubicin"],
      ["pegylated liposomal doxorubicin"],
      [resp("carboplatin", "CR", "PR"), resp("paclitaxel", "CR", "PR"), resp("olaparib", "CR"),
       resp("doxorubicin", "SD")],
      [ae(ANAEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib")],
      [res("BRCA1", "olaparib")])

write("r25-24_surgeon-urothelial-fgfr3-s249c-erdafitinib-consolidative-cystectomy.txt", 70, "male",
      [dx("BLCA", "urothelial carcinoma", "bladder cancer", "muscle-invasive bladder cancer",
          "urothelial carcinoma of the bladder", "bladder urothelial carcinoma", "high-grade urothelial carcinoma")],
      [alt("FGFR3", "S249C", "c.746C>G")],
      ["gemcitabine", "carboplatin", "erdafitinib"],
      [],
      [resp("gemcitabine", "SD"), resp("carboplatin", "SD"), resp("erdafitinib", "PR")],
      [ae(HYPERPHOS, 1, "erdafitinib"), ae(["onycholysis", "nail disorder"], 2, "erdafitinib"),
       ae(MUCOSITIS, 2, "erdafitinib")],
      [])
