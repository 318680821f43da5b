"""The demo facts as plain data: vocabularies, pages, documents, images and logins.

Facts (dates, places, organisations, people, the number of Sunflower Centres) come from
the programme's published news items; every sentence is written for this portal. Where the
news items say nothing, the text stays general rather than inventing detail or figures.

Conventions read by `loader.py`:
- keys of a page dict are the page model's field names; `slug`, `restricted` and
  `translations` are the only extra keys;
- rich-text fields are lists of paragraphs, where a nested list is a bulleted list and
  `{"ol": [...]}` a numbered one;
- `body` is a list of sections: `{"heading", "paragraphs", "image"?, "callout"?}`;
- vocabularies are referred to by their language-neutral keys (ISO code, slug, name);
- every vocabulary entry has `translations`: language code to the translated fields (for a
  country, just its name); a person's name stays as it is, only the job title is translated;
- a translation holds only the fields it changes; a list of dicts in it (steps, agenda,
  key figures, speakers) is merged item by item with the English list.
"""

import datetime
from decimal import Decimal

D = datetime.date
DT = datetime.datetime

# --- Logins ---------------------------------------------------------------------------------

DEMO_PASSWORD = "demo-password-2024"  # noqa: S105 - demo logins, printed on every start

DEMO_USERS = [
    {
        "username": "admin",
        "role": "administrators",
        "superuser": True,
        "last_name": "Administrator",
        "description": "Administrator (superuser): the whole admin, settings and users",
    },
    {
        "username": "specialist",
        "role": "specialists",
        "last_name": "Specialist",
        "description": "Policy specialist: writes knowledge, submits it for review",
    },
    {
        "username": "reviewer",
        "role": "reviewers",
        "last_name": "Reviewer",
        "description": "Reviewer: approves and publishes knowledge",
    },
    {
        "username": "organiser",
        "role": "organisers",
        "last_name": "Organiser",
        "description": "Event organiser: the events section only",
    },
    {
        "username": "translator",
        "role": "translators",
        "last_name": "Translator",
        "description": "Translator: edits translations, publishes nothing",
    },
    {
        "username": "partner",
        "role": "partners",
        "last_name": "Partner",
        "description": "Partner official: reads partner-only pages and documents",
    },
]

DEMO_LOGINS = [(user["username"], DEMO_PASSWORD, user["description"]) for user in DEMO_USERS]

# Pages and vocabularies translated in the demo, besides the default language.
TRANSLATION_LANGUAGES = ("ru", "ko")

SITE_SETTINGS = {
    "contact_email": "demo@example.org",
    "helpline_text": (
        "If you are in danger now, call your local emergency number. "
        "Country profiles list national helplines where partners have confirmed them."
    ),
}

# --- Vocabularies ---------------------------------------------------------------------------

COUNTRIES = [
    {
        "iso_code": "KR",
        "name": "Republic of Korea",
        "region": "east-asia",
        "translations": {"ru": "Республика Корея", "ko": "대한민국"},
    },
    {"iso_code": "AL", "name": "Albania", "region": "europe", "translations": {"ru": "Албания", "ko": "알바니아"}},
    {
        "iso_code": "ID",
        "name": "Indonesia",
        "region": "south-east-asia",
        "translations": {"ru": "Индонезия", "ko": "인도네시아"},
    },
    {
        "iso_code": "KZ",
        "name": "Kazakhstan",
        "region": "central-asia",
        "translations": {"ru": "Казахстан", "ko": "카자흐스탄"},
    },
    {
        "iso_code": "KG",
        "name": "Kyrgyzstan",
        "region": "central-asia",
        "translations": {"ru": "Кыргызстан", "ko": "키르기스스탄"},
    },
    {
        "iso_code": "UZ",
        "name": "Uzbekistan",
        "region": "central-asia",
        "translations": {"ru": "Узбекистан", "ko": "우즈베키스탄"},
    },
    {
        "iso_code": "TJ",
        "name": "Tajikistan",
        "region": "central-asia",
        "translations": {"ru": "Таджикистан", "ko": "타지키스탄"},
    },
    {
        "iso_code": "TM",
        "name": "Turkmenistan",
        "region": "central-asia",
        "translations": {"ru": "Туркменистан", "ko": "투르크메니스탄"},
    },
    {"iso_code": "SN", "name": "Senegal", "region": "west-africa", "translations": {"ru": "Сенегал", "ko": "세네갈"}},
    {
        "iso_code": "AF",
        "name": "Afghanistan",
        "region": "south-asia",
        "translations": {"ru": "Афганистан", "ko": "아프가니스탄"},
    },
]

THEMES = [
    {
        "slug": "one-stop-centres",
        "name": "One-stop centres",
        "description": "Bringing the services a survivor needs together in one place, as Korea's Sunflower Centres do.",
        "translations": {
            "ru": {
                "name": "Центры «одного окна»",
                "description": (
                    "Все необходимые пострадавшим услуги в одном месте, как в корейских центрах «Подсолнух»."
                ),
            },
            "ko": {
                "name": "원스톱 지원센터",
                "description": "한국의 해바라기센터처럼 피해자에게 필요한 서비스를 한곳에서 제공하는 방식입니다.",
            },
        },
    },
    {
        "slug": "police-response",
        "name": "Police response",
        "description": "How police receive reports, interview survivors and investigate sexual and domestic violence.",
        "translations": {
            "ru": {
                "name": "Реагирование полиции",
                "description": (
                    "Как полиция принимает заявления, опрашивает пострадавших и расследует сексуальное и домашнее "
                    "насилие."
                ),
            },
            "ko": {
                "name": "경찰 대응",
                "description": "경찰이 신고를 접수하고 피해자를 조사하며 성폭력과 가정폭력을 수사하는 방식입니다.",
            },
        },
    },
    {
        "slug": "medical-care",
        "name": "Medical care",
        "description": "Emergency treatment, forensic examination and follow-up care for survivors.",
        "translations": {
            "ru": {
                "name": "Медицинская помощь",
                "description": (
                    "Неотложная помощь, судебно-медицинское обследование и последующее лечение пострадавших."
                ),
            },
            "ko": {
                "name": "의료 지원",
                "description": "피해자를 위한 응급 치료, 법의학적 검사와 후속 진료입니다.",
            },
        },
    },
    {
        "slug": "counselling",
        "name": "Counselling",
        "description": "Crisis counselling and longer-term psychological support.",
        "translations": {
            "ru": {
                "name": "Психологическое консультирование",
                "description": "Кризисное консультирование и долгосрочная психологическая поддержка.",
            },
            "ko": {"name": "상담", "description": "위기 상담과 장기적인 심리 지원입니다."},
        },
    },
    {
        "slug": "legal-support",
        "name": "Legal support",
        "description": "Information on rights, legal aid and support through criminal and civil proceedings.",
        "translations": {
            "ru": {
                "name": "Юридическая помощь",
                "description": (
                    "Информация о правах, бесплатная юридическая помощь и сопровождение в уголовном и гражданском "
                    "процессе."
                ),
            },
            "ko": {
                "name": "법률 지원",
                "description": "권리에 대한 안내, 법률 구조, 형사·민사 절차 전반의 지원입니다.",
            },
        },
    },
    {
        "slug": "funding",
        "name": "Funding and budgeting",
        "description": "How services for survivors are paid for, costed and kept running over time.",
        "translations": {
            "ru": {
                "name": "Финансирование и бюджет",
                "description": (
                    "Как услуги для пострадавших финансируются, рассчитываются и сохраняются в долгосрочной "
                    "перспективе."
                ),
            },
            "ko": {
                "name": "재원과 예산",
                "description": "피해자 지원 서비스의 재원 마련, 비용 산정과 지속적인 운영 방안입니다.",
            },
        },
    },
    {
        "slug": "multisectoral-coordination",
        "name": "Multisectoral coordination",
        "description": "Health, police, justice, social and psycho-social services working to one plan.",
        "translations": {
            "ru": {
                "name": "Многосекторальная координация",
                "description": (
                    "Согласованная работа служб здравоохранения, полиции, правосудия, социальной и психосоциальной "
                    "помощи."
                ),
            },
            "ko": {
                "name": "다부문 협력",
                "description": "보건, 경찰, 사법, 사회복지, 심리사회 서비스가 하나의 계획에 따라 협력하는 체계입니다.",
            },
        },
    },
    {
        "slug": "survivor-centred-services",
        "name": "Survivor-centred services",
        "description": (
            "Services designed around the survivor's safety, choices and dignity, avoiding secondary victimisation."
        ),
        "translations": {
            "ru": {
                "name": "Услуги, ориентированные на пострадавших",
                "description": (
                    "Услуги, построенные вокруг безопасности, выбора и достоинства пострадавших, без повторной "
                    "виктимизации."
                ),
            },
            "ko": {
                "name": "피해자 중심 서비스",
                "description": "피해자의 안전과 선택, 존엄을 중심에 두고 2차 피해를 막도록 설계된 서비스입니다.",
            },
        },
    },
    {
        "slug": "technology-facilitated-gbv",
        "name": "Technology-facilitated GBV",
        "description": (
            "Gender-based violence committed or amplified through digital technology, and support for its survivors."
        ),
        "translations": {
            "ru": {
                "name": "Насилие с использованием технологий",
                "description": (
                    "Гендерное насилие, совершаемое или усиливаемое с помощью цифровых технологий, и помощь "
                    "пострадавшим от него."
                ),
            },
            "ko": {
                "name": "기술 매개 젠더 기반 폭력",
                "description": "디지털 기술을 통해 저질러지거나 확산되는 젠더 기반 폭력과 그 피해자 지원입니다.",
            },
        },
    },
    {
        "slug": "prevention",
        "name": "Prevention",
        "description": "Stopping violence before it happens: awareness, attitudes and early intervention.",
        "translations": {
            "ru": {
                "name": "Профилактика",
                "description": "Предотвращение насилия: информирование, изменение установок и раннее вмешательство.",
            },
            "ko": {"name": "예방", "description": "인식 개선, 태도 변화, 조기 개입으로 폭력을 미리 막는 활동입니다."},
        },
    },
    {
        "slug": "data-and-monitoring",
        "name": "Data and monitoring",
        "description": "Recording cases, monitoring service quality and using data while protecting privacy.",
        "translations": {
            "ru": {
                "name": "Данные и мониторинг",
                "description": (
                    "Учёт случаев, мониторинг качества услуг и работа с данными при защите конфиденциальности."
                ),
            },
            "ko": {
                "name": "데이터와 모니터링",
                "description": "사례 기록, 서비스 품질 모니터링, 개인정보를 보호하는 데이터 활용입니다.",
            },
        },
    },
    {
        "slug": "capacity-building",
        "name": "Capacity building",
        "description": "Training and supporting the professionals who respond to gender-based violence.",
        "translations": {
            "ru": {
                "name": "Развитие потенциала",
                "description": "Обучение и поддержка специалистов, работающих с гендерным насилием.",
            },
            "ko": {"name": "역량 강화", "description": "젠더 기반 폭력에 대응하는 전문 인력의 교육과 지원입니다."},
        },
    },
    {
        "slug": "children-and-disability",
        "name": "Children and people with disabilities",
        "description": "Adapting services, interviews and care to children and to survivors with disabilities.",
        "translations": {
            "ru": {
                "name": "Дети и люди с инвалидностью",
                "description": "Адаптация услуг, опросов и помощи для детей и пострадавших с инвалидностью.",
            },
            "ko": {
                "name": "아동 및 장애인",
                "description": "아동과 장애가 있는 피해자에게 맞춘 서비스, 진술 조사, 돌봄입니다.",
            },
        },
    },
    {
        "slug": "social-protection",
        "name": "Social protection",
        "description": "Social services and benefits that help survivors and vulnerable groups rebuild their lives.",
        "translations": {
            "ru": {
                "name": "Социальная защита",
                "description": (
                    "Социальные услуги и пособия, помогающие пострадавшим и уязвимым группам восстановить жизнь."
                ),
            },
            "ko": {
                "name": "사회보장",
                "description": "피해자와 취약계층의 삶의 회복을 돕는 사회서비스와 급여입니다.",
            },
        },
    },
]

ORGANISATIONS = [
    {
        "slug": "uspc",
        "name": "UNDP Seoul Policy Centre",
        "acronym": "USPC",
        "kind": "un",
        "country": "KR",
        "translations": {
            "ru": {"name": "Сеульский центр политики ПРООН"},
            "ko": {"name": "UNDP 서울정책센터"},
        },
    },
    {
        "slug": "undp-albania",
        "name": "UNDP Albania",
        "acronym": "",
        "kind": "un",
        "country": "AL",
        "translations": {"ru": {"name": "ПРООН в Албании"}, "ko": {"name": "UNDP 알바니아"}},
    },
    {
        "slug": "undp-kyrgyz-republic",
        "name": "UNDP Kyrgyz Republic",
        "acronym": "",
        "kind": "un",
        "country": "KG",
        "translations": {"ru": {"name": "ПРООН в Кыргызской Республике"}, "ko": {"name": "UNDP 키르기스스탄"}},
    },
    {
        "slug": "undp-kazakhstan",
        "name": "UNDP Kazakhstan",
        "acronym": "",
        "kind": "un",
        "country": "KZ",
        "translations": {"ru": {"name": "ПРООН в Казахстане"}, "ko": {"name": "UNDP 카자흐스탄"}},
    },
    {
        "slug": "undp-indonesia",
        "name": "UNDP Indonesia",
        "acronym": "",
        "kind": "un",
        "country": "ID",
        "translations": {"ru": {"name": "ПРООН в Индонезии"}, "ko": {"name": "UNDP 인도네시아"}},
    },
    {
        "slug": "undp-senegal",
        "name": "UNDP Senegal",
        "acronym": "",
        "kind": "un",
        "country": "SN",
        "translations": {"ru": {"name": "ПРООН в Сенегале"}, "ko": {"name": "UNDP 세네갈"}},
    },
    {
        "slug": "mogef",
        "name": "Ministry of Gender Equality and Family of Korea",
        "acronym": "MOGEF",
        "kind": "government",
        "country": "KR",
        "translations": {
            "ru": {"name": "Министерство гендерного равенства и по делам семьи Республики Корея"},
            "ko": {"name": "여성가족부"},
        },
    },
    {
        "slug": "knpa",
        "name": "Korean National Police Agency",
        "acronym": "KNPA",
        "kind": "government",
        "country": "KR",
        "translations": {
            "ru": {"name": "Национальное полицейское агентство Республики Корея"},
            "ko": {"name": "경찰청"},
        },
    },
    {
        "slug": "mlsd-kyrgyz-republic",
        "name": "Ministry of Labour and Social Development of the Kyrgyz Republic",
        "acronym": "",
        "kind": "government",
        "country": "KG",
        "translations": {
            "ru": {"name": "Министерство труда и социального развития Кыргызской Республики"},
            "ko": {"name": "키르기스스탄 노동사회개발부"},
        },
    },
    {
        "slug": "mia-kazakhstan",
        "name": "Ministry of Internal Affairs of Kazakhstan",
        "acronym": "",
        "kind": "government",
        "country": "KZ",
        "translations": {
            "ru": {"name": "Министерство внутренних дел Республики Казахстан"},
            "ko": {"name": "카자흐스탄 내무부"},
        },
    },
    {
        "slug": "whrik",
        "name": "Women's Human Rights Institute of Korea",
        "acronym": "WHRIK",
        "kind": "public-institution",
        "country": "KR",
        "translations": {
            "ru": {"name": "Корейский институт прав человека женщин"},
            "ko": {"name": "한국여성인권진흥원"},
        },
    },
    {
        "slug": "acosav",
        "name": "Advocacy Center for Online Sexual Abuse Victims",
        "acronym": "ACOSAV",
        "kind": "service-provider",
        "country": "KR",
        "translations": {
            "ru": {"name": "Центр поддержки жертв сексуального насилия в интернете"},
            "ko": {"name": "디지털성범죄피해자지원센터"},
        },
    },
    {
        "slug": "unfpa",
        "name": "United Nations Population Fund",
        "acronym": "UNFPA",
        "kind": "un",
        "country": None,
        "translations": {
            "ru": {"name": "Фонд ООН в области народонаселения", "acronym": "ЮНФПА"},
            "ko": {"name": "유엔인구기금"},
        },
    },
    {
        "slug": "unfpa-kazakhstan",
        "name": "UNFPA Kazakhstan",
        "acronym": "",
        "kind": "un",
        "country": "KZ",
        "translations": {"ru": {"name": "ЮНФПА в Казахстане"}, "ko": {"name": "UNFPA 카자흐스탄"}},
    },
    {
        "slug": "spotlight-central-asia",
        "name": "Spotlight Initiative regional programme for Central Asia and Afghanistan",
        "acronym": "",
        "kind": "donor",
        "country": None,
        "translations": {
            "ru": {"name": "Региональная программа Инициативы «Spotlight» для Центральной Азии и Афганистана"},
            "ko": {"name": "중앙아시아·아프가니스탄 스포트라이트 이니셔티브 지역 프로그램"},
        },
    },
    {
        "slug": "spotlight-kyrgyzstan",
        "name": "Spotlight Initiative in Kyrgyzstan",
        "acronym": "",
        "kind": "donor",
        "country": "KG",
        "translations": {
            "ru": {"name": "Инициатива «Spotlight» в Кыргызстане"},
            "ko": {"name": "키르기스스탄 스포트라이트 이니셔티브"},
        },
    },
    {
        "slug": "uk-government",
        "name": "UK Government",
        "acronym": "",
        "kind": "donor",
        "country": None,
        "translations": {"ru": {"name": "Правительство Великобритании"}, "ko": {"name": "영국 정부"}},
    },
]

# People are keyed by name: the vocabulary has no other language-neutral key for them. Names stay
# in Latin script in every language; translations change only the job title.
PEOPLE = [
    {
        "name": "Janyl Alybaeva",
        "job_title": "Deputy Minister of Labour and Social Development",
        "organisation": "mlsd-kyrgyz-republic",
        "translations": {
            "ru": {"job_title": "Заместитель министра труда и социального развития"},
            "ko": {"job_title": "노동사회개발부 차관"},
        },
    },
    {
        "name": "Natalia Maqsimchook",
        "job_title": "UNDP Project Officer, Spotlight Initiative",
        "organisation": "spotlight-central-asia",
        "translations": {
            "ru": {"job_title": "Специалист по проектам ПРООН, Инициатива «Spotlight»"},
            "ko": {"job_title": "UNDP 프로젝트 담당관, 스포트라이트 이니셔티브"},
        },
    },
    {
        "name": "Ahjung Lee",
        "job_title": "Policy Specialist",
        "organisation": "uspc",
        "translations": {"ru": {"job_title": "Специалист по вопросам политики"}, "ko": {"job_title": "정책 전문관"}},
    },
    {
        "name": "Anne Juepner",
        "job_title": "Director",
        "organisation": "uspc",
        "translations": {"ru": {"job_title": "Директор"}, "ko": {"job_title": "센터장"}},
    },
    {
        "name": "Bora Shin",
        "job_title": "President",
        "organisation": "whrik",
        "translations": {"ru": {"job_title": "Президент"}, "ko": {"job_title": "원장"}},
    },
    {
        "name": "Youngchan Kim",
        "job_title": "Governance & Gender Team Lead",
        "organisation": "uspc",
        "translations": {
            "ru": {"job_title": "Руководитель группы по вопросам управления и гендерного равенства"},
            "ko": {"job_title": "거버넌스·젠더팀장"},
        },
    },
    {
        "name": "Giulia Vallese",
        "job_title": "UNFPA Representative for Kazakhstan",
        "organisation": "unfpa-kazakhstan",
        "translations": {
            "ru": {"job_title": "Представитель ЮНФПА в Казахстане"},
            "ko": {"job_title": "UNFPA 카자흐스탄 대표"},
        },
    },
]

EVENT_SERIES = [
    {
        "slug": "dsp-webinars-albania",
        "title": "DSP webinars with Albania",
        "description": (
            "Web-based seminars linking UNDP Seoul Policy Centre, UNDP Albania and stakeholders in Korea and "
            "Albania on holistic support for survivors of gender-based violence."
        ),
        "translations": {
            "ru": {
                "title": "Вебинары DSP с Албанией",
                "description": (
                    "Онлайн-семинары, которые объединяют Сеульский центр политики ПРООН, ПРООН в Албании и "
                    "заинтересованные стороны в Корее и Албании для обсуждения комплексной поддержки пострадавших "
                    "от гендерного насилия."
                ),
            },
            "ko": {
                "title": "알바니아와의 DSP 웨비나",
                "description": (
                    "UNDP 서울정책센터, UNDP 알바니아, 한국과 알바니아의 이해관계자가 참여해 젠더 기반 폭력 "
                    "피해자에 대한 통합적 지원을 논의하는 웹 세미나입니다."
                ),
            },
        },
    },
]

COLLECTIONS = {"programme": "Programme documents", "partner": "Partner-only"}

# Simple abstract illustrations drawn with Pillow; `description` is the alt text.
IMAGES = [
    {
        "key": "network",
        "title": "Illustration: connected services",
        "description": "Five coloured circles joined by lines around a larger central circle, on a pale background.",
        "pattern": "network",
    },
    {
        "key": "petals",
        "title": "Illustration: petals around a centre",
        "description": (
            "Yellow and orange petal shapes arranged in a ring around a brown disc, like a stylised sunflower."
        ),
        "pattern": "petals",
    },
    {
        "key": "steps",
        "title": "Illustration: rising steps",
        "description": "Blue rectangles of increasing height placed side by side, rising from left to right.",
        "pattern": "steps",
    },
    {
        "key": "waves",
        "title": "Illustration: overlapping waves",
        "description": "Three overlapping wavy bands in teal, green and blue across a light background.",
        "pattern": "waves",
    },
]

# --- Home and index pages -------------------------------------------------------------------

HOME = {
    "slug": "home",
    "title": "DSP Knowledge Exchange on Gender-Based Violence",
    "introduction": (
        "A shared library of the Development Solutions Partnership on gender-based violence: how Korea's "
        "Sunflower Centres work, how partner countries adapt their lessons, and what each exchange has produced."
    ),
    "mission": [
        "UNDP Seoul Policy Centre (USPC) launched its Development Solutions Partnership (DSP) on gender-based "
        "violence in September 2017. The partnership links Korea's experience of one-stop services for survivors "
        "with the needs of partner countries, working through UNDP country offices and national institutions.",
        "This portal gathers the practice notes, policy tools, briefs and meeting records produced along the way, "
        "so that each partner can build on what others have learned.",
    ],
    "translations": {
        "ru": {
            "title": "Обмен знаниями DSP по гендерному насилию",
            "introduction": (
                "Общая библиотека Партнёрства по решениям в области развития (DSP) по вопросам гендерного насилия: "
                "как работают корейские центры «Подсолнух», как страны-партнёры применяют их опыт и что дал каждый "
                "обмен."
            ),
            "mission": [
                "Сеульский центр политики ПРООН (USPC) запустил Партнёрство по решениям в области развития (DSP) по "
                "вопросам гендерного насилия в сентябре 2017 года. Партнёрство соединяет опыт Кореи в оказании "
                "комплексной помощи пострадавшим по принципу «одного окна» с потребностями стран-партнёров и "
                "опирается на страновые офисы ПРООН и национальные институты.",
                "На портале собраны практические записки, инструменты политики, аналитические записки и материалы "
                "встреч, подготовленные в ходе этой работы, чтобы каждый партнёр мог опираться на опыт других.",
            ],
        },
        "ko": {
            "title": "젠더 기반 폭력 DSP 지식 교류",
            "introduction": (
                "젠더 기반 폭력에 관한 개발 솔루션 파트너십(DSP)의 공동 자료실입니다. 한국 해바라기센터의 운영 방식, "
                "파트너 국가의 적용 사례, 교류를 통해 얻은 성과를 소개합니다."
            ),
            "mission": [
                "UNDP 서울정책센터(USPC)는 2017년 9월 젠더 기반 폭력에 관한 개발 솔루션 파트너십(DSP)을 시작했습니다. "
                "이 파트너십은 피해자에게 원스톱 서비스를 제공해 온 한국의 경험을 파트너 국가의 필요와 연결하며, "
                "UNDP 국가사무소와 각국 기관을 통해 추진됩니다.",
                "이 포털에는 그 과정에서 만들어진 실천 사례, 정책 도구, 정책 브리프와 회의 기록이 모여 있어, 각 "
                "파트너가 서로의 경험을 바탕으로 일할 수 있습니다.",
            ],
        },
    },
}

# Keyed by the index page's slug; the loader knows which model each one is.
INDEX_PAGES = {
    "countries": {
        "slug": "countries",
        "title": "Countries",
        "introduction": (
            "Profiles of the partner countries and of Korea: the partnership, national counterparts, services for "
            "survivors and the activities held with each."
        ),
        "translations": {
            "ru": {
                "title": "Страны",
                "introduction": (
                    "Профили стран-партнёров и Кореи: партнёрство, национальные партнёры, услуги для пострадавших и "
                    "проведённые мероприятия."
                ),
            },
            "ko": {
                "title": "국가",
                "introduction": (
                    "파트너 국가와 한국의 프로필입니다. 파트너십, 협력 기관, 피해자 지원 서비스, "
                    "국가별 활동을 소개합니다."
                ),
            },
        },
    },
    "knowledge": {
        "slug": "knowledge",
        "title": "Knowledge",
        "introduction": (
            "Practice notes, policy tools and policy briefs on preventing and responding to gender-based violence, "
            "to filter by country, theme and kind."
        ),
        "translations": {
            "ru": {
                "title": "Знания",
                "introduction": (
                    "Практические записки, инструменты политики и аналитические записки по предотвращению гендерного "
                    "насилия и реагированию на него, с фильтрами по стране, теме и типу материала."
                ),
            },
            "ko": {
                "title": "지식 자료",
                "introduction": (
                    "젠더 기반 폭력 예방과 대응에 관한 실천 사례, 정책 도구, 정책 브리프를 국가, 주제, "
                    "유형별로 찾아볼 수 있습니다."
                ),
            },
        },
    },
    "events": {
        "slug": "events",
        "title": "Events",
        "introduction": (
            "Webinars, study missions, round tables, technical meetings and signings of the partnership, with "
            "agendas, outcomes and follow-up."
        ),
        "translations": {
            "ru": {
                "title": "Мероприятия",
                "introduction": (
                    "Вебинары, ознакомительные визиты, круглые столы, технические встречи и подписания документов "
                    "в рамках партнёрства — с программами, итогами и дальнейшими шагами."
                ),
            },
            "ko": {
                "title": "행사",
                "introduction": (
                    "파트너십의 웨비나, 연수, 원탁회의, 기술 회의, 협약식을 일정, 성과, 후속 조치와 함께 소개합니다."
                ),
            },
        },
    },
}

# --- Country profiles -----------------------------------------------------------------------

USPC_SOURCE = "UNDP Seoul Policy Centre"

COUNTRY_PAGES = [
    {
        "slug": "republic-of-korea",
        "title": "Republic of Korea",
        "country": "KR",
        "summary": (
            "Korea is the knowledge provider of the partnership. Its Sunflower Centres, funded entirely by the "
            "government and mostly housed in hospitals, bring counselling, medical care, police investigation and "
            "legal support for survivors of gender-based violence under one roof."
        ),
        "partnership_status": "provider",
        "partnership_start": D(2017, 9, 1),
        "national_counterparts": ["mogef", "knpa", "whrik"],
        "un_partners": ["uspc"],
        "legal_framework": [
            "Korean law deals with the prevention of sexual violence and of domestic violence, and with the "
            "protection of victims, in dedicated acts. The Ministry of Gender Equality and Family (MOGEF) leads "
            "policy in this area and funds the support services that follow from it.",
            "The Women's Human Rights Institute of Korea (WHRIK), a public institution under MOGEF set up in 2009, "
            "works to prevent violence against women and girls and to protect victims and survivors.",
        ],
        "one_stop_services": [
            "Sunflower Centres are one-stop centres for survivors of gender-based violence, run through a "
            "partnership of MOGEF, local governments, the police and hospitals. As of April 2018 there were 38 "
            "centres across the country.",
            "A survivor can receive counselling, medical treatment, support with the police investigation and "
            "legal assistance in a single place, so that she does not have to repeat her account to one agency "
            "after another.",
        ],
        "police_justice": [
            "Women police officers trained for this work are based in the Sunflower Centres, so that survivors can "
            "report and give a statement without going to a police station.",
            "Interview protocols and regular training for the officers aim to make survivors' testimony admissible "
            "in court while sparing them repeated questioning.",
        ],
        "health_response": [
            "Most centres are located inside hospitals, which puts emergency treatment, forensic examination and "
            "follow-up care within reach of the centre team.",
        ],
        "psychosocial_support": [
            "Counsellors in the centres provide crisis counselling and refer survivors to longer-term psychological "
            "support, with particular attention to children and people with disabilities.",
        ],
        "coordination": [
            "Each centre works as one multidisciplinary team under a common management and reporting scheme, and "
            "the network as a whole is managed and monitored so that survivors receive services of consistent "
            "quality.",
            "Since 2024, USPC and WHRIK have worked together under a Statement of Intent, including on "
            "technology-facilitated gender-based violence, where WHRIK's Advocacy Center for Online Sexual Abuse "
            "Victims (ACOSAV) supports survivors.",
        ],
        "helplines": "Women's emergency hotline: 1366\nPolice: 112",
        "key_figures": [
            {
                "label": "Sunflower Centres in operation",
                "value": Decimal("38"),
                "unit": "centres",
                "source": USPC_SOURCE,
                "as_of": D(2018, 4, 1),
            },
            {
                "label": "Share of Sunflower Centre funding from government",
                "value": Decimal("100"),
                "unit": "%",
                "source": USPC_SOURCE,
                "as_of": D(2018, 3, 28),
            },
        ],
        "translations": {
            "ru": {
                "title": "Республика Корея",
                "summary": (
                    "Корея — поставщик знаний в партнёрстве. Центры «Подсолнух», полностью финансируемые государством "
                    "и в большинстве своём расположенные в больницах, объединяют под одной крышей психологическую, "
                    "медицинскую и юридическую помощь, а также полицейское расследование для пострадавших от "
                    "гендерного насилия."
                ),
                "legal_framework": [
                    "В Корее профилактика сексуального и домашнего насилия и защита пострадавших регулируются "
                    "отдельными законами. Министерство гендерного равенства и по делам семьи (MOGEF) определяет "
                    "политику в этой сфере и финансирует предусмотренные ею услуги.",
                    "Корейский институт прав человека женщин (WHRIK) — государственное учреждение при MOGEF, "
                    "созданное в 2009 году, — занимается предотвращением насилия в отношении женщин и девочек и "
                    "защитой пострадавших.",
                ],
                "one_stop_services": [
                    "Центры «Подсолнух» оказывают помощь пострадавшим от гендерного насилия по принципу «одного "
                    "окна». Они работают в партнёрстве MOGEF, органов местного самоуправления, полиции и больниц. "
                    "По состоянию на апрель 2018 года в стране действовали 38 центров.",
                    "Пострадавшая может получить психологическую и медицинскую помощь, содействие в полицейском "
                    "расследовании и юридическую помощь в одном месте и не пересказывать случившееся заново в "
                    "каждом ведомстве.",
                ],
                "police_justice": [
                    "В центрах «Подсолнух» работают специально обученные женщины-полицейские, поэтому пострадавшие "
                    "могут сообщить о преступлении и дать показания, не приходя в отделение полиции.",
                    "Протоколы опроса и регулярное обучение сотрудников помогают обеспечить допустимость показаний "
                    "пострадавших в суде и избавить их от повторных допросов.",
                ],
                "health_response": [
                    "Большинство центров находится в больницах, поэтому неотложная помощь, судебно-медицинское "
                    "обследование и последующее лечение доступны команде центра на месте.",
                ],
                "psychosocial_support": [
                    "Консультанты центров оказывают кризисную психологическую помощь и направляют пострадавших на "
                    "долгосрочную поддержку, уделяя особое внимание детям и людям с инвалидностью.",
                ],
                "coordination": [
                    "Каждый центр работает как единая междисциплинарная команда с общим руководством и системой "
                    "отчётности, а вся сеть управляется и контролируется так, чтобы качество услуг было одинаковым "
                    "по всей стране.",
                    "С 2024 года USPC и WHRIK сотрудничают на основе Заявления о намерениях, в том числе в сфере "
                    "гендерного насилия с использованием технологий, где пострадавшим помогает созданный при WHRIK "
                    "Центр поддержки жертв сексуального насилия в интернете (ACOSAV).",
                ],
                "helplines": "Экстренная линия для женщин: 1366\nПолиция: 112",
                "key_figures": [
                    {
                        "label": "Действующие центры «Подсолнух»",
                        "unit": "центров",
                        "source": "Сеульский центр политики ПРООН",
                    },
                    {
                        "label": "Доля государственного финансирования центров «Подсолнух»",
                        "unit": "%",
                        "source": "Сеульский центр политики ПРООН",
                    },
                ],
            },
            "ko": {
                "title": "대한민국",
                "summary": (
                    "한국은 이 파트너십에서 경험과 지식을 공유하는 나라입니다. 정부가 전액 지원하고 대부분 병원 안에 "
                    "설치된 해바라기센터는 젠더 기반 폭력 피해자에게 상담, 의료, 경찰 수사, 법률 지원을 한곳에서 "
                    "제공합니다."
                ),
                "legal_framework": [
                    "한국은 성폭력과 가정폭력의 방지 및 피해자 보호를 각각의 법률로 규정하고 있습니다. 여성가족부는 "
                    "이 분야의 정책을 총괄하고 관련 지원 서비스의 재원을 지원합니다.",
                    "2009년 설립된 여성가족부 산하 공공기관인 한국여성인권진흥원(WHRIK)은 여성과 여아에 대한 폭력을 "
                    "예방하고 피해자를 보호하는 일을 합니다.",
                ],
                "one_stop_services": [
                    "해바라기센터는 젠더 기반 폭력 피해자를 위한 원스톱 지원센터로, 여성가족부, 지방자치단체, 경찰, "
                    "병원의 협력으로 운영됩니다. 2018년 4월 기준 전국에 38개 센터가 있었습니다.",
                    "피해자는 상담, 의료 처치, 경찰 수사 지원, 법률 지원을 한곳에서 받을 수 있어 여러 기관을 오가며 "
                    "피해 사실을 되풀이해 진술하지 않아도 됩니다.",
                ],
                "police_justice": [
                    "해바라기센터에는 전문 교육을 받은 여성 경찰관이 상주하여, 피해자가 경찰서에 가지 않고도 신고하고 "
                    "진술할 수 있습니다.",
                    "진술 조사 지침과 경찰관 정기 교육은 피해자의 반복 조사를 줄이면서 그 진술이 법정에서 증거능력을 "
                    "인정받도록 하는 데 목적이 있습니다.",
                ],
                "health_response": [
                    "대부분의 센터가 병원 안에 있어 센터 팀이 응급 치료, 법의학적 검사, 후속 진료를 가까이에서 연계할 "
                    "수 있습니다.",
                ],
                "psychosocial_support": [
                    "센터 상담원은 위기 상담을 제공하고 장기적인 심리 지원으로 연계하며, 특히 아동과 장애인 피해자에게 "
                    "세심한 주의를 기울입니다.",
                ],
                "coordination": [
                    "각 센터는 공동의 관리·보고 체계 아래 하나의 다학제 팀으로 일하며, 전국 센터망은 피해자가 어디서나 "
                    "같은 수준의 서비스를 받도록 관리되고 모니터링됩니다.",
                    "2024년부터 UNDP 서울정책센터와 한국여성인권진흥원은 의향서에 따라 협력하고 있으며, 협력 분야에는 "
                    "한국여성인권진흥원 산하 디지털성범죄피해자지원센터(ACOSAV)가 피해자를 지원하는 기술 매개 젠더 "
                    "기반 폭력이 포함됩니다.",
                ],
                "helplines": "여성긴급전화: 1366\n경찰: 112",
                "key_figures": [
                    {"label": "운영 중인 해바라기센터", "unit": "개소", "source": "UNDP 서울정책센터"},
                    {"label": "해바라기센터 재원 중 정부 지원 비율", "unit": "%", "source": "UNDP 서울정책센터"},
                ],
            },
        },
    },
    {
        "slug": "kazakhstan",
        "title": "Kazakhstan",
        "country": "KZ",
        "summary": (
            "Kazakhstan was among the first partner countries of the DSP on gender-based violence. Exchanges with "
            "Korea have centred on the police response: a training course for police officers, adapted from the "
            "Korean training system, is taught in the educational institutions of the Ministry of Internal Affairs."
        ),
        "partnership_status": "active",
        "partnership_start": D(2017, 9, 1),
        "national_counterparts": ["mia-kazakhstan"],
        "un_partners": ["undp-kazakhstan", "unfpa-kazakhstan", "spotlight-central-asia"],
        "legal_framework": [
            "Kazakhstan's legislation on the prevention of domestic violence frames the work of the police and of "
            "service providers. This profile records the areas discussed in the partnership; partners can add "
            "references to the laws and strategies in force.",
        ],
        "one_stop_services": [
            "Exchanges with Korea have examined how elements of the Sunflower Centre model, such as a single point "
            "of entry and joint handling of cases, could strengthen the services already in place.",
        ],
        "police_justice": [
            "Experts from Kazakhstan have adapted forms and methods of police response to sexual and domestic "
            "violence from the Korean system for training police officers.",
            "The resulting training course for police officers was introduced in the educational institutions of "
            "the Ministry of Internal Affairs and presented to other Central Asian countries at the round table of "
            "April 2021.",
        ],
        "health_response": [
            "Health facilities are one of the sectors in Kazakhstan's multi-sectoral response; survivors who first "
            "reach psycho-social support services are referred to them for care.",
        ],
        "psychosocial_support": [
            "In the Turkestan region, Psycho-Social Support Services give survivors immediate help and direct them "
            "to the medical, psycho-social or police assistance they need.",
        ],
        "coordination": [
            "Kazakhstan has been building a system of multi-sectoral response to gender-based violence that links "
            "medical, psycho-social and police services. Its experience, including that of the Turkestan region, "
            "was the starting point of the Central Asian technical meeting held in Turkestan in August 2020.",
        ],
        "translations": {
            "ru": {
                "title": "Казахстан",
                "summary": (
                    "Казахстан был в числе первых стран-партнёров DSP по вопросам гендерного насилия. Обмен опытом с "
                    "Кореей сосредоточен на работе полиции: курс подготовки полицейских, адаптированный на основе "
                    "корейской системы обучения, преподаётся в учебных заведениях Министерства внутренних дел."
                ),
                "legal_framework": [
                    "Законодательство Казахстана о профилактике бытового насилия задаёт рамки работы полиции и "
                    "поставщиков услуг. В профиле отражены вопросы, обсуждавшиеся в рамках партнёрства; партнёры "
                    "могут дополнить его ссылками на действующие законы и стратегии.",
                ],
                "one_stop_services": [
                    "В ходе обмена опытом с Кореей рассматривалось, как элементы модели центров «Подсолнух», "
                    "например единая точка входа и совместное ведение случаев, могут укрепить уже существующие "
                    "услуги.",
                ],
                "police_justice": [
                    "Эксперты Казахстана адаптировали формы и методы реагирования полиции на сексуальное и бытовое "
                    "насилие на основе корейской системы подготовки полицейских.",
                    "Разработанный на этой основе учебный курс для сотрудников полиции внедрён в учебных заведениях "
                    "Министерства внутренних дел и был представлен другим странам Центральной Азии на круглом столе "
                    "в апреле 2021 года.",
                ],
                "health_response": [
                    "Учреждения здравоохранения — один из секторов многосекторального реагирования в Казахстане; "
                    "пострадавших, обратившихся в службы психосоциальной поддержки, направляют туда за помощью.",
                ],
                "psychosocial_support": [
                    "В Туркестанской области службы психосоциальной поддержки оказывают пострадавшим неотложную "
                    "помощь и направляют их за необходимой медицинской, психосоциальной или полицейской помощью.",
                ],
                "coordination": [
                    "Казахстан выстраивает систему многосекторального реагирования на гендерное насилие, "
                    "объединяющую медицинские, психосоциальные и полицейские службы. Его опыт, в том числе опыт "
                    "Туркестанской области, лёг в основу технической встречи стран Центральной Азии в Туркестане в "
                    "августе 2020 года.",
                ],
            },
            "ko": {
                "title": "카자흐스탄",
                "summary": (
                    "카자흐스탄은 젠더 기반 폭력 DSP의 첫 파트너 국가 가운데 하나입니다. 한국과의 교류는 경찰 대응에 "
                    "집중되었으며, 한국의 경찰 교육 체계를 바탕으로 마련한 경찰관 교육 과정이 내무부 교육기관에서 "
                    "운영되고 있습니다."
                ),
                "legal_framework": [
                    "카자흐스탄의 가정폭력 예방 관련 법률은 경찰과 서비스 제공 기관이 활동하는 기반입니다. 이 프로필은 "
                    "파트너십에서 논의된 분야를 기록한 것이며, 파트너 기관은 현행 법률과 전략에 관한 정보를 추가할 수 "
                    "있습니다.",
                ],
                "one_stop_services": [
                    "한국과의 교류에서는 단일 접수 창구, 사례 공동 관리 등 해바라기센터 모델의 요소가 기존 서비스를 "
                    "어떻게 강화할 수 있는지 검토했습니다.",
                ],
                "police_justice": [
                    "카자흐스탄 전문가들은 한국의 경찰관 교육 체계를 바탕으로 성폭력과 가정폭력에 대한 경찰 대응의 "
                    "형식과 방법을 자국 실정에 맞게 조정했습니다.",
                    "이를 바탕으로 만든 경찰관 교육 과정은 내무부 교육기관에 도입되었고, 2021년 4월 원탁회의에서 다른 "
                    "중앙아시아 국가들에 소개되었습니다.",
                ],
                "health_response": [
                    "보건 기관은 카자흐스탄 다부문 대응 체계의 한 축으로, 심리사회 지원 서비스를 먼저 찾은 피해자는 "
                    "이곳으로 연계되어 진료를 받습니다.",
                ],
                "psychosocial_support": [
                    "투르키스탄 주에서는 심리사회 지원 서비스가 피해자에게 즉각적인 도움을 제공하고 필요한 의료, "
                    "심리사회, 경찰 지원으로 연계합니다.",
                ],
                "coordination": [
                    "카자흐스탄은 의료, 심리사회, 경찰 서비스를 연결하는 젠더 기반 폭력 다부문 대응 체계를 구축해 "
                    "왔습니다. 투르키스탄 주의 사례를 포함한 이 경험은 2020년 8월 투르키스탄에서 열린 중앙아시아 기술 "
                    "회의의 출발점이 되었습니다.",
                ],
            },
        },
    },
    {
        "slug": "albania",
        "title": "Albania",
        "country": "AL",
        "summary": (
            "Albania was one of the first partner countries of the DSP on gender-based violence. Two webinars, in "
            "November 2017 and March 2018, and a study mission to Seoul in April 2018 looked at what it takes to set "
            "up a one-stop service centre for survivors."
        ),
        "partnership_status": "active",
        "partnership_start": D(2017, 9, 1),
        "un_partners": ["undp-albania"],
        "one_stop_services": [
            "The exchanges with Korea covered the main decisions in establishing a one-stop service centre: its "
            "institutional setting, its funding, the recruitment of professionals from several disciplines, "
            "coordination with other stakeholders and the mobilisation of community-based resources.",
        ],
        "police_justice": [
            "As with the other early partners, the partnership supports better access to justice for survivors by "
            "working with law enforcement, including the police.",
        ],
        "coordination": [
            "The March 2018 webinar singled out four conditions for a centre that works: sufficient and sustained "
            "funding, well-trained and adequately paid professionals, a reporting and management scheme for the "
            "multidisciplinary team, and monitoring of centres across the country.",
        ],
    },
    {
        "slug": "indonesia",
        "title": "Indonesia",
        "country": "ID",
        "summary": (
            "Indonesia was among the first partner countries of the DSP on gender-based violence. With UNDP "
            "Indonesia, the partnership works towards holistic support for survivors and better access to justice "
            "through cooperation with law enforcement."
        ),
        "partnership_status": "active",
        "partnership_start": D(2017, 9, 1),
        "un_partners": ["undp-indonesia"],
        "one_stop_services": [
            "Korea's experience of one-stop services is shared as one reference for organising comprehensive support "
            "for survivors. Country-level activities will be recorded here as partners document them.",
        ],
        "police_justice": [
            "Access to justice for survivors, including through work with the police, is one of the partnership's "
            "aims in Indonesia.",
        ],
    },
    {
        "slug": "senegal",
        "title": "Senegal",
        "country": "SN",
        "summary": (
            "Senegal was among the first partner countries of the DSP on gender-based violence. Working through UNDP "
            "Senegal, the partnership aims at holistic support for survivors and at better access to justice, "
            "including through the police."
        ),
        "partnership_status": "active",
        "partnership_start": D(2017, 9, 1),
        "un_partners": ["undp-senegal"],
        "one_stop_services": [
            "The partnership offers Korea's Sunflower Centre model as one reference for integrated services. "
            "Country-level activities will be recorded here as partners document them.",
        ],
        "police_justice": [
            "Working with law enforcement to improve survivors' access to justice is one of the partnership's aims "
            "in Senegal.",
        ],
    },
    {
        "slug": "kyrgyzstan",
        "title": "Kyrgyzstan",
        "country": "KG",
        "summary": (
            "The DSP with Kyrgyzstan began with a webinar on 29 January 2019, the first joint activity of USPC and "
            "UNDP Kyrgyz Republic. It aims to increase the capacity of the country's community-based crisis centres "
            "and complements the Ministry of Labour and Social Development's work on social protection for the most "
            "vulnerable groups."
        ),
        "partnership_status": "active",
        "partnership_start": D(2019, 1, 29),
        "national_counterparts": ["mlsd-kyrgyz-republic"],
        "un_partners": ["undp-kyrgyz-republic", "spotlight-central-asia", "spotlight-kyrgyzstan"],
        "one_stop_services": [
            "Community-based crisis centres are the backbone of support for survivors in Kyrgyzstan. The January "
            "2019 webinar reviewed their strengths and the difficulties they face in providing effective, "
            "integrated support.",
            "The Ministry of Labour and Social Development has backed a unified, manualised intervention model for "
            "the crisis centres, with the Sunflower Centre model as one reference.",
        ],
        "psychosocial_support": [
            "Crisis centres offer survivors counselling and practical support in their community and refer them to "
            "other services.",
        ],
        "coordination": [
            "The partnership is a triangular cooperation linking Korean and Kyrgyz institutions through UNDP. Its "
            "first next steps were a strategic workplan and a map of the areas where knowledge and experience would "
            "be exchanged.",
            "UNDP in Kyrgyzstan also co-organised, with the Spotlight Initiative and USPC, the international round "
            "table of April 2021 on prevention and response in Central Asia and Korea.",
        ],
    },
    {
        "slug": "uzbekistan",
        "title": "Uzbekistan",
        "country": "UZ",
        "summary": (
            "Uzbekistan has taken part in regional exchanges on gender-based violence in Central Asia, under the "
            "Spotlight Initiative and UNFPA's sub-regional project. At the April 2021 round table, participants "
            "from Uzbekistan presented national work on the rehabilitation and adaptation of survivors and on "
            "suicide prevention."
        ),
        "partnership_status": "exploratory",
        "partnership_start": D(2020, 8, 17),
        "un_partners": ["spotlight-central-asia", "unfpa"],
        "psychosocial_support": [
            "National work presented in 2021 covers the rehabilitation and adaptation of survivors of violence and "
            "suicide prevention.",
        ],
        "coordination": [
            "Uzbekistan joined the Central Asian technical meeting in Turkestan in August 2020, where countries "
            "compared their interagency responses to gender-based violence.",
        ],
    },
    {
        "slug": "tajikistan",
        "title": "Tajikistan",
        "country": "TJ",
        "summary": (
            "Tajikistan has joined regional exchanges on gender-based violence in Central Asia, including the "
            "technical meeting held in Turkestan, Kazakhstan, in August 2020 under UNFPA's sub-regional project "
            "funded by the UK Government."
        ),
        "partnership_status": "exploratory",
        "partnership_start": D(2020, 8, 17),
        "un_partners": ["unfpa", "spotlight-central-asia"],
        "coordination": [
            "At the Turkestan meeting, representatives of public authorities, civil society and development partners "
            "from the five Central Asian countries shared lessons learned on interagency response and identified "
            "next steps for their own systems.",
        ],
    },
    {
        "slug": "turkmenistan",
        "title": "Turkmenistan",
        "country": "TM",
        "summary": (
            "Turkmenistan has taken part in regional exchanges on gender-based violence in Central Asia, including "
            "the August 2020 technical meeting in Turkestan, Kazakhstan, organised under UNFPA's sub-regional "
            "project."
        ),
        "partnership_status": "exploratory",
        "partnership_start": D(2020, 8, 17),
        "un_partners": ["unfpa", "spotlight-central-asia"],
        "coordination": [
            "The Turkestan meeting let delegations compare multi-sectoral responses, in which medical, psycho-social "
            "and police services work to a common plan, and agree on next steps.",
        ],
    },
    {
        "slug": "afghanistan",
        "title": "Afghanistan",
        "country": "AF",
        "summary": (
            "Afghanistan is covered by the Spotlight Initiative's regional programme for Central Asia and "
            "Afghanistan, through which Korean experience has been shared in the region. The portal does not yet "
            "hold country-level activities with Afghanistan."
        ),
        "partnership_status": "exploratory",
        "partnership_start": None,
        "un_partners": ["spotlight-central-asia"],
    },
]

# --- Practice notes -------------------------------------------------------------------------

# Every policy brief is also a PDF, attached first on its page (and on its translations).
OWN_PDF_DESCRIPTION = {
    "en": "This brief as a PDF",
    "ru": "Эта аналитическая записка в формате PDF",
    "ko": "이 정책 브리프의 PDF 파일",
}
INTERNAL_NOTICE = "Internal working document, shared with partner officials only. It is a draft and not for citation."

PRACTICE_NOTES = [
    {
        "slug": "sunflower-centre-one-stop-model",
        "title": "The Sunflower Centre one-stop service model",
        "publication_date": D(2018, 5, 15),
        "summary": (
            "How Korea's Sunflower Centres bring counselling, medical care, police investigation and legal support "
            "for survivors of gender-based violence into one place, and what a partner country needs in order to "
            "adapt the model."
        ),
        "countries": ["KR", "AL", "KG", "KZ"],
        "themes": ["one-stop-centres", "survivor-centred-services", "multisectoral-coordination"],
        "organisations": ["mogef", "knpa", "uspc"],
        "keywords": ["Sunflower Centre", "one-stop centre", "secondary victimisation"],
        "context": [
            "Survivors of gender-based violence often have to tell their story many times: to a doctor, to the "
            "police, to a counsellor and to a lawyer, each in a different building. Every retelling risks secondary "
            "victimisation, and many survivors give up along the way.",
            "Korea answered this problem by gathering the services a survivor needs into a single, state-funded "
            "centre, open to survivors of sexual violence, domestic violence and other forms of gender-based "
            "violence.",
        ],
        "service_description": [
            "A Sunflower Centre is a one-stop centre, usually housed in a hospital, where a survivor can receive "
            "counselling, medical treatment, support with the police investigation and legal assistance in one "
            "location.",
            "The centres are run through a partnership between the Ministry of Gender Equality and Family, local "
            "governments, the police and the host hospitals. As of April 2018 there were 38 centres across Korea.",
        ],
        "steps": [
            {
                "title": "First contact and safety",
                "responsible": "Duty counsellor",
                "description": (
                    "The survivor arrives on her own, is brought by the police or is referred by a hotline. A "
                    "counsellor checks immediate safety and medical needs and explains what the centre can offer."
                ),
            },
            {
                "title": "Medical care and evidence",
                "responsible": "Hospital doctors and nurses",
                "description": (
                    "Emergency treatment comes first; with the survivor's consent, forensic evidence is collected "
                    "and stored following an agreed protocol."
                ),
            },
            {
                "title": "Statement to the police",
                "responsible": "Woman police officer based in the centre",
                "description": (
                    "A trained officer takes the survivor's statement once, in a private room, so that it can be "
                    "used in proceedings without repeated questioning."
                ),
            },
            {
                "title": "Counselling and legal support",
                "responsible": "Counsellors, psychologists and legal advisers",
                "description": (
                    "The survivor receives crisis counselling and information on her rights, and is put in touch "
                    "with legal aid for the proceedings."
                ),
            },
            {
                "title": "Follow-up and referral",
                "responsible": "Case manager",
                "description": (
                    "The team agrees a plan for follow-up care and refers the survivor to shelters, long-term "
                    "counselling or other services as needed."
                ),
            },
        ],
        "staffing": [
            "Each centre combines counsellors, medical staff of the host hospital, police officers and, depending on "
            "the centre, psychologists and legal advisers. They work as one team under a common management and "
            "reporting line.",
        ],
        "funding": [
            "The centres are 100% government funded. The Ministry of Gender Equality and Family, local governments, "
            "the police and hospitals share the responsibility, each contributing staff, premises or budget.",
        ],
        "results": [
            "The model has grown into a national network, with 38 centres in operation as of April 2018, and has "
            "become a reference for partner countries studying integrated services for survivors.",
        ],
        "lessons": [
            "Putting services under one roof helps only if the professionals in it work as one team with shared "
            "procedures.",
            "Sustained public funding is what makes the service reliable; project money alone cannot keep a centre "
            "open around the clock.",
            "Police presence inside the centre makes reporting easier, provided the officers are trained for it.",
        ],
        "transfer_conditions": [
            [
                "A lead ministry willing to fund and coordinate the service over the long term.",
                "Agreements with hospitals and the police on who provides staff, premises and budget.",
                "A pool of trained professionals and a way to pay and keep them.",
                "Agreed protocols for consent, evidence and referral.",
            ]
        ],
        "translations": {
            "ru": {
                "title": "Модель центров «Подсолнух»: помощь по принципу «одного окна»",
                "summary": (
                    "Как корейские центры «Подсолнух» объединяют в одном месте психологическую и медицинскую помощь, "
                    "полицейское расследование и юридическую поддержку для пострадавших от гендерного насилия и что "
                    "нужно стране-партнёру, чтобы адаптировать эту модель."
                ),
                "context": [
                    "Пострадавшим от гендерного насилия часто приходится рассказывать о случившемся много раз: врачу, "
                    "полиции, психологу и юристу, каждому в другом здании. Каждый пересказ грозит повторной "
                    "виктимизацией, и многие пострадавшие отказываются от помощи на полпути.",
                    "Корея решила эту проблему, собрав необходимые пострадавшим услуги в одном центре, который "
                    "финансирует государство и куда могут обратиться пострадавшие от сексуального, домашнего и других "
                    "форм гендерного насилия.",
                ],
                "service_description": [
                    "Центр «Подсолнух» — это центр «одного окна», обычно расположенный в больнице, где пострадавшая "
                    "может получить психологическую и медицинскую помощь, содействие в полицейском расследовании и "
                    "юридическую помощь в одном месте.",
                    "Центры работают в партнёрстве Министерства гендерного равенства и по делам семьи, органов "
                    "местного самоуправления, полиции и принимающих больниц. По состоянию на апрель 2018 года в Корее "
                    "действовали 38 центров.",
                ],
                "steps": [
                    {
                        "title": "Первый контакт и безопасность",
                        "responsible": "Дежурный консультант",
                        "description": (
                            "Пострадавшая приходит сама, её привозит полиция или направляет горячая линия. "
                            "Консультант оценивает угрозу безопасности и потребность в медицинской помощи и "
                            "объясняет, чем может помочь центр."
                        ),
                    },
                    {
                        "title": "Медицинская помощь и сбор доказательств",
                        "responsible": "Врачи и медсёстры больницы",
                        "description": (
                            "Сначала оказывается неотложная помощь; с согласия пострадавшей судебно-медицинские "
                            "доказательства собираются и хранятся по согласованному протоколу."
                        ),
                    },
                    {
                        "title": "Показания для полиции",
                        "responsible": "Женщина-полицейский, работающая в центре",
                        "description": (
                            "Обученная сотрудница один раз принимает показания в отдельной комнате, чтобы их можно "
                            "было использовать в процессе без повторных допросов."
                        ),
                    },
                    {
                        "title": "Психологическая и юридическая помощь",
                        "responsible": "Консультанты, психологи и юристы",
                        "description": (
                            "Пострадавшая получает кризисную психологическую помощь и сведения о своих правах; её "
                            "связывают с юридической помощью на время разбирательства."
                        ),
                    },
                    {
                        "title": "Дальнейшее сопровождение и перенаправление",
                        "responsible": "Куратор случая",
                        "description": (
                            "Команда согласует план дальнейшей помощи и при необходимости направляет пострадавшую в "
                            "приют, на долгосрочное консультирование или в другие службы."
                        ),
                    },
                ],
                "staffing": [
                    "В каждом центре работают консультанты, медицинский персонал принимающей больницы, сотрудники "
                    "полиции, а в некоторых центрах также психологи и юристы. Все они действуют как одна команда с "
                    "общим руководством и единой линией отчётности.",
                ],
                "funding": [
                    "Центры полностью финансируются государством. Ответственность разделяют Министерство гендерного "
                    "равенства и по делам семьи, органы местного самоуправления, полиция и больницы: каждый вносит "
                    "персонал, помещения или средства.",
                ],
                "results": [
                    "Модель выросла в национальную сеть из 38 центров (по состоянию на апрель 2018 года) и стала "
                    "ориентиром для стран-партнёров, изучающих интегрированные услуги для пострадавших.",
                ],
                "lessons": [
                    "Объединение услуг под одной крышей помогает, только если специалисты работают как одна команда "
                    "по общим процедурам.",
                    "Надёжность услуги обеспечивает устойчивое государственное финансирование: одних проектных "
                    "средств недостаточно, чтобы центр работал круглосуточно.",
                    "Присутствие полиции в центре облегчает обращение, если сотрудники подготовлены к такой работе.",
                ],
                "transfer_conditions": [
                    [
                        "Ведущее министерство, готовое финансировать и координировать услугу в долгосрочной "
                        "перспективе.",
                        "Соглашения с больницами и полицией о том, кто предоставляет персонал, помещения и средства.",
                        "Подготовленные специалисты и возможность достойно оплачивать их труд и удерживать их.",
                        "Согласованные протоколы получения согласия, сбора доказательств и перенаправления.",
                    ]
                ],
            },
            "ko": {
                "title": "해바라기센터 원스톱 지원 모델",
                "summary": (
                    "한국의 해바라기센터가 젠더 기반 폭력 피해자를 위한 상담, 의료, 경찰 수사, 법률 지원을 한곳에 "
                    "모으는 방식과, 파트너 국가가 이 모델을 도입할 때 갖춰야 할 조건을 정리했습니다."
                ),
                "context": [
                    "젠더 기반 폭력 피해자는 의사, 경찰, 상담원, 변호사에게 각기 다른 장소에서 피해 사실을 여러 번 "
                    "이야기해야 하는 경우가 많습니다. 진술을 되풀이할 때마다 2차 피해의 위험이 생기고, 많은 피해자가 "
                    "도중에 도움 받기를 포기합니다.",
                    "한국은 피해자에게 필요한 서비스를 국가가 재원을 부담하는 하나의 센터에 모아 이 문제에 "
                    "대응했습니다. 성폭력, 가정폭력 등 다양한 젠더 기반 폭력의 피해자가 이 센터를 이용할 수 있습니다.",
                ],
                "service_description": [
                    "해바라기센터는 대개 병원 안에 설치된 원스톱 지원센터로, 피해자는 이곳에서 상담, 의료 처치, 경찰 "
                    "수사 지원, 법률 지원을 한 번에 받을 수 있습니다.",
                    "센터는 여성가족부, 지방자치단체, 경찰, 협력 병원의 협력으로 운영됩니다. 2018년 4월 기준 전국에 "
                    "38개 센터가 있었습니다.",
                ],
                "steps": [
                    {
                        "title": "첫 접촉과 안전 확인",
                        "responsible": "당직 상담원",
                        "description": (
                            "피해자는 직접 방문하거나 경찰과 함께 오거나 상담전화를 통해 연계됩니다. 상담원은 즉각적인 "
                            "안전과 의료 필요를 확인하고 센터가 제공하는 지원을 설명합니다."
                        ),
                    },
                    {
                        "title": "의료 처치와 증거 확보",
                        "responsible": "병원 의사와 간호사",
                        "description": (
                            "먼저 응급 처치를 하고, 피해자의 동의를 받아 합의된 지침에 따라 법의학적 증거를 채취하고 "
                            "보관합니다."
                        ),
                    },
                    {
                        "title": "경찰 진술",
                        "responsible": "센터 상주 여성 경찰관",
                        "description": (
                            "교육받은 경찰관이 별도의 공간에서 한 번에 진술을 받아, 반복 조사 없이 절차에 활용할 수 "
                            "있도록 합니다."
                        ),
                    },
                    {
                        "title": "상담과 법률 지원",
                        "responsible": "상담원, 심리전문가, 법률 지원 인력",
                        "description": (
                            "피해자는 위기 상담과 권리에 대한 안내를 받고, 소송 절차를 위한 법률 지원과 연결됩니다."
                        ),
                    },
                    {
                        "title": "후속 지원과 연계",
                        "responsible": "사례 관리자",
                        "description": (
                            "팀은 후속 지원 계획을 세우고, 필요하면 보호시설이나 장기 상담 등 다른 서비스로 연계합니다."
                        ),
                    },
                ],
                "staffing": [
                    "각 센터에는 상담원, 협력 병원의 의료진, 경찰관이 있으며 센터에 따라 심리전문가와 법률 지원 인력도 "
                    "함께 일합니다. 이들은 공동의 관리·보고 체계 아래 하나의 팀으로 일합니다.",
                ],
                "funding": [
                    "센터는 전액 정부 재원으로 운영됩니다. 여성가족부, 지방자치단체, 경찰, 병원이 책임을 나누어 인력, "
                    "공간, 예산을 분담합니다.",
                ],
                "results": [
                    "이 모델은 2018년 4월 기준 38개 센터로 이루어진 전국 네트워크로 성장했으며, 통합 피해자 지원 "
                    "서비스를 연구하는 파트너 국가들의 참고 사례가 되었습니다.",
                ],
                "lessons": [
                    "서비스를 한곳에 모으는 것만으로는 부족하며, 전문가들이 공동 절차에 따라 한 팀으로 일해야 효과가 "
                    "있습니다.",
                    "서비스의 신뢰성은 안정적인 공공 재원에서 나오며, 프로젝트 예산만으로는 센터를 24시간 운영하기 "
                    "어렵습니다.",
                    "센터에 경찰이 상주하면 신고가 쉬워지지만, 이는 경찰관이 충분한 교육을 받았을 때에 한합니다.",
                ],
                "transfer_conditions": [
                    [
                        "장기적으로 서비스에 재원을 투입하고 조정할 주무 부처",
                        "인력, 공간, 예산 분담을 정한 병원 및 경찰과의 협약",
                        "훈련된 전문 인력과 이들에게 적정한 보수를 지급하고 유지할 방안",
                        "동의, 증거 확보, 연계에 관한 합의된 지침",
                    ]
                ],
            },
        },
    },
    {
        "slug": "one-stop-services-in-hospitals",
        "title": "Housing one-stop services in hospitals",
        "publication_date": D(2018, 9, 20),
        "summary": (
            "Why most Sunflower Centres are based in hospitals, what the host hospital contributes, and what to "
            "settle before placing a survivor service inside a health facility."
        ),
        "countries": ["KR", "AL", "ID"],
        "themes": ["medical-care", "one-stop-centres"],
        "organisations": ["mogef"],
        "keywords": ["hospital", "forensic examination", "Sunflower Centre"],
        "context": [
            "Survivors of sexual and physical violence often need medical attention first. When a service is far "
            "from a hospital, survivors are moved between buildings at the moment they are most vulnerable, and "
            "evidence can be lost on the way.",
        ],
        "service_description": [
            "Housing the centre inside a hospital puts emergency treatment, forensic examination and specialist "
            "referrals a corridor away. The centre keeps its own rooms, so that survivors are seen in private and "
            "away from public waiting areas.",
        ],
        "steps": [
            {
                "title": "Select the host hospital",
                "responsible": "Lead ministry and local government",
                "description": (
                    "Choose a hospital with emergency services and the capacity to assign staff, and agree the terms "
                    "in writing."
                ),
            },
            {
                "title": "Set up private rooms",
                "responsible": "Host hospital",
                "description": (
                    "Provide rooms for counselling, interviews and examinations that survivors can reach without "
                    "crossing public areas."
                ),
            },
            {
                "title": "Agree clinical protocols",
                "responsible": "Hospital clinicians and centre management",
                "description": (
                    "Define how examinations, evidence collection and treatment are consented, carried out and "
                    "recorded."
                ),
            },
            {
                "title": "Keep records apart",
                "responsible": "Centre management",
                "description": (
                    "Keep centre case files separate and confidential while clinicians record what they need for "
                    "treatment."
                ),
            },
        ],
        "staffing": [
            "Doctors and nurses remain hospital staff assigned to the centre; the centre can also call on other "
            "departments of the hospital, such as paediatrics or psychiatry.",
        ],
        "funding": [
            "Hospitals take part in the funding partnership alongside the ministry, local governments and the "
            "police. The split of premises, staff and running costs is set in each centre's agreement.",
        ],
        "results": [
            "Because most Sunflower Centres are hospital-based, survivors can receive medical care and the other "
            "services in one visit.",
        ],
        "lessons": [
            "Hospital management must treat the centre as part of its own service, not as a tenant.",
            "Clear consent and evidence protocols protect survivors and clinicians alike.",
        ],
        "transfer_conditions": [
            [
                "A hospital with emergency care and a management willing to host the service.",
                "Clinical staff trained to care for survivors of violence.",
                "Confidentiality rules for records shared between hospital and centre.",
            ]
        ],
    },
    {
        "slug": "funding-sunflower-centres",
        "title": "Funding Sunflower Centres from public budgets",
        "publication_date": D(2019, 3, 12),
        "summary": (
            "Sunflower Centres are 100% government funded through a partnership of the Ministry of Gender Equality "
            "and Family, local governments, the police and hospitals. This note explains why sustained public "
            "funding matters and what partners should plan for."
        ),
        "countries": ["KR", "AL", "KG"],
        "themes": ["funding", "one-stop-centres"],
        "organisations": ["mogef"],
        "keywords": ["public funding", "budgeting", "sustainability"],
        "context": [
            "Services for survivors set up with short-term project money often close or shrink when the project "
            "ends, and survivors and professionals lose trust in them.",
        ],
        "service_description": [
            "In Korea the state carries the full cost of the Sunflower Centres. The Ministry of Gender Equality and "
            "Family leads, local governments share the responsibility, and the police and the host hospitals "
            "contribute officers, clinicians and premises.",
        ],
        "steps": [
            {
                "title": "Agree who pays for what",
                "responsible": "Lead ministry",
                "description": (
                    "Set out in writing what each partner contributes: budget lines, staff posts and premises."
                ),
            },
            {
                "title": "Put the centre in the regular budget",
                "responsible": "Lead ministry and local governments",
                "description": (
                    "Fund the centre through recurrent budget lines rather than one-off grants, so that staff and "
                    "services can be planned beyond a single year."
                ),
            },
            {
                "title": "Cost the service realistically",
                "responsible": "Centre management",
                "description": (
                    "Base budgets on the services actually delivered: the cost of helping one survivor varies widely "
                    "with the type of violence and the professionals involved."
                ),
            },
            {
                "title": "Review funding against demand",
                "responsible": "Lead ministry with centre managers",
                "description": (
                    "Check each year whether funding keeps pace with caseloads and with the pay needed to keep "
                    "trained staff."
                ),
            },
        ],
        "staffing": [
            "Budgets must cover adequate pay for trained professionals; underpaid posts are hard to fill, and staff "
            "leave once they are trained.",
        ],
        "funding": [
            "100% government funded, through the partnership of the Ministry of Gender Equality and Family, local "
            "governments, the police and hospitals.",
        ],
        "results": ["Full public funding lets the network run as a permanent public service rather than a project."],
        "lessons": [
            "Securing sufficient and sustained funding was the first of four priorities identified with Albania in "
            "March 2018.",
            "An average cost per survivor is a poor planning figure, because cases differ too much.",
        ],
        "transfer_conditions": [
            [
                "A ministry able to commit recurrent budget.",
                "Cost-sharing agreements with local government, police and health partners.",
                "A costing method based on the services delivered.",
            ]
        ],
    },
    {
        "slug": "multidisciplinary-team-recruitment",
        "title": "Recruiting and keeping multidisciplinary teams",
        "publication_date": D(2019, 10, 8),
        "summary": (
            "How a one-stop centre recruits counsellors, clinicians, police officers and legal staff, pays them "
            "fairly and makes them work as one team."
        ),
        "countries": ["KR", "AL", "KG"],
        "themes": ["capacity-building", "one-stop-centres", "multisectoral-coordination"],
        "organisations": ["mogef", "knpa"],
        "keywords": ["recruitment", "compensation", "multidisciplinary team"],
        "context": [
            "A one-stop centre is only as good as the people in it. Partner countries often have skilled "
            "professionals, but spread across agencies with different pay scales, working hours and reporting "
            "lines.",
        ],
        "service_description": [
            "Sunflower Centres combine staff employed by different institutions. A reporting and management scheme "
            "defines who leads the centre, how cases are assigned and how professionals from different agencies work "
            "together day to day.",
        ],
        "steps": [
            {
                "title": "Define the team",
                "responsible": "Lead ministry and centre management",
                "description": (
                    "List the professions needed, the number of posts and the qualifications expected for each."
                ),
            },
            {
                "title": "Recruit and second staff",
                "responsible": "Partner institutions",
                "description": (
                    "Recruit centre staff directly and agree secondments from the police and the host hospital."
                ),
            },
            {
                "title": "Train together",
                "responsible": "Centre management with training partners",
                "description": (
                    "Run joint induction and refresher training so that every profession shares the same procedures "
                    "and vocabulary."
                ),
            },
            {
                "title": "Set pay and conditions",
                "responsible": "Lead ministry",
                "description": (
                    "Offer pay that reflects the skills and the strain of the work, including night and weekend duty."
                ),
            },
            {
                "title": "Manage as one team",
                "responsible": "Centre director",
                "description": (
                    "Hold regular case meetings and use one reporting line for daily work, whoever the employer is."
                ),
            },
        ],
        "staffing": [
            "Counsellors, nurses and doctors, women police officers, psychologists and legal advisers, coordinated "
            "by a centre director.",
        ],
        "funding": [
            "Pay and training are part of the centre budget. Adequate compensation for highly trained professionals "
            "was one of the four priorities raised in the March 2018 webinar with Albania.",
        ],
        "results": [
            "A stable multidisciplinary team can handle different kinds of cases without sending survivors elsewhere."
        ],
        "lessons": [
            "Adequate pay is a condition of quality, not a luxury.",
            "Seconded staff need a clear line to the centre's management as well as to their home institution.",
            "Joint training builds the trust that shared procedures depend on.",
        ],
        "transfer_conditions": [
            [
                "Agreements that allow police and health staff to be seconded to the centre.",
                "A budget for competitive pay.",
                "A training programme open to every profession in the team.",
            ]
        ],
    },
    {
        "slug": "police-investigation-in-the-centre",
        "title": "Police investigation inside the centre",
        "publication_date": D(2020, 6, 16),
        "summary": (
            "Trained women police officers based in the Sunflower Centres take survivors' statements on site. Good "
            "protocols and training help make the testimony admissible in court while sparing survivors repeated "
            "questioning."
        ),
        "countries": ["KR", "KZ", "KG", "UZ"],
        "themes": ["police-response", "legal-support", "one-stop-centres"],
        "organisations": ["knpa", "mia-kazakhstan"],
        "keywords": ["women police officers", "interview", "admissibility of testimony"],
        "context": [
            "Many survivors never report violence: going to a police station is intimidating, and they expect to be "
            "questioned again and again. When a statement is taken badly, it may not stand up in court either.",
        ],
        "service_description": [
            "In the Sunflower Centres, women police officers trained for this work are based in the centre. They "
            "take the survivor's statement in a private interview room, coordinate with clinicians on evidence and "
            "keep the survivor informed about the investigation.",
        ],
        "steps": [
            {
                "title": "Decide whether to report",
                "responsible": "Survivor with a counsellor",
                "description": (
                    "A counsellor explains the options; the survivor decides whether and when to give a statement."
                ),
            },
            {
                "title": "Prepare the interview",
                "responsible": "Woman police officer",
                "description": (
                    "The officer reviews the medical information and plans a single interview, with a support person "
                    "present if the survivor wishes."
                ),
            },
            {
                "title": "Conduct and record the interview",
                "responsible": "Woman police officer",
                "description": (
                    "The interview follows the agreed protocol and is recorded so that it can be used in proceedings."
                ),
            },
            {
                "title": "Link the evidence",
                "responsible": "Police officer and clinicians",
                "description": (
                    "Forensic evidence collected in the hospital is documented and handed over following the "
                    "chain-of-custody procedure."
                ),
            },
            {
                "title": "Keep the survivor informed",
                "responsible": "Police officer and case manager",
                "description": (
                    "The survivor is told what happens next and is supported through each stage of the case."
                ),
            },
        ],
        "staffing": [
            "Women police officers assigned to the centre and trained in interviewing survivors of sexual and "
            "domestic violence and in the centre's procedures.",
        ],
        "funding": ["The police provide the officers as part of the partnership that funds the centres."],
        "results": [
            "Being able to report and give evidence where medical care and counselling are provided lowers the "
            "barriers to reporting, and a well-conducted first interview supports the admissibility of the "
            "survivor's testimony.",
        ],
        "lessons": [
            "The officers' training matters as much as their presence.",
            "A written interview protocol protects both the survivor and the case.",
            "Police and clinicians need a shared procedure for evidence.",
        ],
        "transfer_conditions": [
            [
                "Police leadership willing to assign trained women officers to the service.",
                "A training course on interviewing survivors.",
                "Rules of evidence that let a statement taken under an agreed protocol be used in court.",
            ]
        ],
        "translations": {
            "ru": {
                "title": "Полицейское расследование в самом центре",
                "summary": (
                    "Обученные женщины-полицейские, работающие в центрах «Подсолнух», принимают показания пострадавших "
                    "на месте. Хорошие протоколы и подготовка помогают обеспечить допустимость показаний в суде и "
                    "избавить пострадавших от повторных допросов."
                ),
                "context": [
                    "Многие пострадавшие так и не сообщают о насилии: идти в отделение полиции страшно, а впереди "
                    "ждут многократные допросы. Если показания получены неправильно, они к тому же могут не "
                    "выдержать проверки в суде.",
                ],
                "service_description": [
                    "В центрах «Подсолнух» работают специально подготовленные женщины-полицейские. Они принимают "
                    "показания пострадавшей в отдельной комнате для опроса, согласуют с медиками работу с "
                    "доказательствами и информируют пострадавшую о ходе расследования.",
                ],
                "steps": [
                    {
                        "title": "Решение об обращении в полицию",
                        "responsible": "Пострадавшая вместе с консультантом",
                        "description": (
                            "Консультант объясняет возможные варианты; пострадавшая сама решает, давать ли показания "
                            "и когда."
                        ),
                    },
                    {
                        "title": "Подготовка к опросу",
                        "responsible": "Женщина-полицейский",
                        "description": (
                            "Сотрудница знакомится с медицинской информацией и планирует один опрос, по желанию "
                            "пострадавшей — в присутствии сопровождающего лица."
                        ),
                    },
                    {
                        "title": "Проведение и запись опроса",
                        "responsible": "Женщина-полицейский",
                        "description": (
                            "Опрос проводится по согласованному протоколу и записывается, чтобы его можно было "
                            "использовать в процессе."
                        ),
                    },
                    {
                        "title": "Передача доказательств",
                        "responsible": "Сотрудник полиции и медики",
                        "description": (
                            "Судебно-медицинские доказательства, собранные в больнице, документируются и передаются "
                            "с соблюдением порядка хранения и передачи улик."
                        ),
                    },
                    {
                        "title": "Информирование пострадавшей",
                        "responsible": "Сотрудник полиции и куратор случая",
                        "description": (
                            "Пострадавшей объясняют дальнейшие шаги и поддерживают её на каждом этапе дела."
                        ),
                    },
                ],
                "staffing": [
                    "Женщины-полицейские, закреплённые за центром и обученные опросу пострадавших от сексуального и "
                    "домашнего насилия и процедурам центра.",
                ],
                "funding": ["Полиция предоставляет сотрудников в рамках партнёрства, которое финансирует центры."],
                "results": [
                    "Возможность заявить о насилии и дать показания там же, где оказывают медицинскую и "
                    "психологическую помощь, снижает барьеры для обращения, а грамотно проведённый первый опрос "
                    "помогает обеспечить допустимость показаний пострадавшей.",
                ],
                "lessons": [
                    "Подготовка сотрудников важна не меньше, чем их присутствие.",
                    "Письменный протокол опроса защищает и пострадавшую, и дело.",
                    "Полиции и медикам нужна общая процедура работы с доказательствами.",
                ],
                "transfer_conditions": [
                    [
                        "Руководство полиции, готовое направить в службу обученных женщин-полицейских.",
                        "Учебный курс по опросу пострадавших.",
                        "Правила доказывания, позволяющие использовать в суде показания, полученные по "
                        "согласованному протоколу.",
                    ]
                ],
            },
            "ko": {
                "title": "센터 내 경찰 수사",
                "summary": (
                    "해바라기센터에 상주하는 여성 경찰관이 현장에서 피해자의 진술을 받습니다. 체계적인 조사 지침과 "
                    "교육은 피해자의 반복 조사를 줄이면서 진술이 법정에서 증거능력을 인정받도록 돕습니다."
                ),
                "context": [
                    "많은 피해자가 폭력을 신고하지 못합니다. 경찰서에 가는 일이 두렵고, 같은 질문을 여러 번 받게 될 "
                    "것이라 예상하기 때문입니다. 진술을 제대로 받지 못하면 법정에서 증거로 인정받지 못할 수도 "
                    "있습니다.",
                ],
                "service_description": [
                    "해바라기센터에는 이 업무를 위해 교육받은 여성 경찰관이 상주합니다. 경찰관은 별도의 진술실에서 "
                    "피해자의 진술을 받고, 증거와 관련해 의료진과 협력하며, 수사 진행 상황을 피해자에게 알립니다.",
                ],
                "steps": [
                    {
                        "title": "신고 여부 결정",
                        "responsible": "피해자와 상담원",
                        "description": "상담원이 선택지를 설명하고, 진술 여부와 시기는 피해자가 결정합니다.",
                    },
                    {
                        "title": "진술 조사 준비",
                        "responsible": "여성 경찰관",
                        "description": (
                            "경찰관은 의료 정보를 검토하고, 피해자가 원하면 신뢰관계인이 동석한 가운데 한 번의 "
                            "조사를 계획합니다."
                        ),
                    },
                    {
                        "title": "진술 조사와 녹화",
                        "responsible": "여성 경찰관",
                        "description": "합의된 지침에 따라 조사를 진행하고 녹화하여 절차에 활용할 수 있도록 합니다.",
                    },
                    {
                        "title": "증거 연계",
                        "responsible": "경찰관과 의료진",
                        "description": "병원에서 채취한 법의학적 증거를 기록하고 증거 관리 절차에 따라 인계합니다.",
                    },
                    {
                        "title": "피해자에게 진행 상황 안내",
                        "responsible": "경찰관과 사례 관리자",
                        "description": "다음 절차를 피해자에게 설명하고 사건의 각 단계에서 피해자를 지원합니다.",
                    },
                ],
                "staffing": [
                    "센터에 배치되어 성폭력·가정폭력 피해자 진술 조사와 센터 절차에 관한 교육을 받은 여성 경찰관",
                ],
                "funding": ["경찰은 센터 운영을 뒷받침하는 협력 체계의 일원으로 경찰관을 배치합니다."],
                "results": [
                    "의료와 상담을 받는 곳에서 바로 신고하고 진술할 수 있어 신고의 문턱이 낮아지며, 잘 진행된 첫 "
                    "조사는 피해자 진술의 증거능력을 뒷받침합니다.",
                ],
                "lessons": [
                    "경찰관이 센터에 있는 것만큼 그들이 받은 교육이 중요합니다.",
                    "서면 조사 지침은 피해자와 사건을 함께 보호합니다.",
                    "경찰과 의료진에게는 증거에 관한 공동 절차가 필요합니다.",
                ],
                "transfer_conditions": [
                    [
                        "교육받은 여성 경찰관을 서비스에 배치할 의지가 있는 경찰 지휘부",
                        "피해자 진술 조사에 관한 교육 과정",
                        "합의된 지침에 따라 받은 진술을 법정에서 활용할 수 있게 하는 증거 규정",
                    ]
                ],
            },
        },
    },
    {
        "slug": "monitoring-quality-across-centres",
        "title": "Monitoring quality across a network of centres",
        "publication_date": D(2021, 11, 23),
        "summary": (
            "How a national network of one-stop centres can be managed and monitored so that survivors receive the "
            "same quality of service wherever they seek help."
        ),
        "countries": ["KR", "AL", "KZ"],
        "themes": ["data-and-monitoring", "one-stop-centres"],
        "organisations": ["mogef"],
        "keywords": ["monitoring", "quality standards", "reporting"],
        "context": [
            "When a country runs many centres, quality can drift: each centre develops its own habits, and survivors "
            "in one region may receive less than in another.",
        ],
        "service_description": [
            "Korea manages the Sunflower Centres as a national network, with common standards, regular reporting "
            "from each centre and oversight by the lead ministry. Monitoring is used to respond to survivors' needs, "
            "not only to count cases.",
        ],
        "steps": [
            {
                "title": "Set common standards",
                "responsible": "Lead ministry",
                "description": "Define the services every centre must provide and the minimum standard for each.",
            },
            {
                "title": "Report regularly",
                "responsible": "Centre managers",
                "description": "Each centre reports cases, services delivered and staffing on a common template.",
            },
            {
                "title": "Review and visit",
                "responsible": "Lead ministry and expert reviewers",
                "description": "Reports are reviewed centrally, followed by visits where problems appear.",
            },
            {
                "title": "Act on the findings",
                "responsible": "Lead ministry with the centres",
                "description": "Training, staffing or funding is adjusted where monitoring shows gaps.",
            },
        ],
        "staffing": [
            "A small central unit to collect and review reports, and centre managers responsible for data quality."
        ],
        "funding": ["Monitoring is part of the recurrent budget of the network."],
        "results": [
            "Common reporting makes it possible to compare centres and to see where survivors' needs are not being "
            "met.",
        ],
        "lessons": [
            "Collect only the data you will use.",
            "Protect survivors' privacy in every report.",
            "Consistent quality across the country was the fourth priority identified with Albania in 2018.",
        ],
        "transfer_conditions": [
            [
                "A lead agency with authority over all centres.",
                "A common reporting template.",
                "Data protection rules for case information.",
            ]
        ],
    },
    {
        "slug": "children-and-people-with-disabilities",
        "title": "Support for children and people with disabilities",
        "publication_date": D(2022, 8, 30),
        "summary": (
            "Sunflower Centres aim to give integrated, victim-centred services to every survivor, with particular "
            "attention to children and people with disabilities. This note sets out what that requires."
        ),
        "countries": ["KR", "KG"],
        "themes": ["children-and-disability", "counselling", "survivor-centred-services"],
        "organisations": ["mogef"],
        "keywords": ["children", "disability", "accessibility"],
        "context": [
            "Children and people with disabilities face particular barriers in reporting violence and in being "
            "heard by the justice system. Procedures designed for adults without disabilities can fail them.",
        ],
        "service_description": [
            "The Sunflower Centre model pays particular attention to children and to survivors with disabilities: "
            "interviews, examinations and counselling are adapted to their age and needs, and specialists are "
            "brought in where necessary.",
        ],
        "steps": [
            {
                "title": "Adapt the first contact",
                "responsible": "Counsellor",
                "description": (
                    "Use age-appropriate language and accessible communication, and involve a trusted adult or "
                    "support person where that is safe."
                ),
            },
            {
                "title": "Involve specialists",
                "responsible": "Centre team",
                "description": (
                    "Call in child psychologists, sign language interpreters or disability specialists as the case "
                    "requires."
                ),
            },
            {
                "title": "Adapt the interview",
                "responsible": "Police officer with a specialist",
                "description": (
                    "Plan a single interview suited to the survivor's age and abilities, with the support needed to "
                    "communicate."
                ),
            },
            {
                "title": "Plan long-term care",
                "responsible": "Case manager",
                "description": "Agree follow-up with schools, guardians or disability services.",
            },
        ],
        "staffing": [
            "Access to child psychologists, interpreters and disability specialists, on staff or through agreements."
        ],
        "funding": ["Specialist support is part of the centre budget or is covered by agreements with other services."],
        "results": [
            "Children and survivors with disabilities can use the same centre as other survivors, with support "
            "adapted to them.",
        ],
        "lessons": [
            "Accessibility has to be planned from the start: rooms, communication and procedures.",
            "A single, well-prepared interview matters even more for children.",
        ],
        "transfer_conditions": [
            [
                "Specialists available locally or through agreements.",
                "Procedures adapted for children and for survivors with disabilities.",
                "Training for all staff on communicating with them.",
            ]
        ],
    },
    {
        "slug": "internal-case-conference-notes",
        "title": "Internal: working notes on case conferences for pilot crisis centres",
        "restricted": True,
        "publication_date": D(2019, 6, 18),
        "summary": (
            "Draft notes, for partner officials only, on how pilot crisis centres in Kyrgyzstan could hold regular "
            "case conferences with police, health and social services."
        ),
        "countries": ["KG"],
        "themes": ["multisectoral-coordination", "social-protection"],
        "organisations": ["mlsd-kyrgyz-republic", "undp-kyrgyz-republic"],
        "keywords": ["case conference", "draft"],
        "context": [
            "The workplan agreed after the January 2019 webinar asked for practical ways to bring the services "
            "around each crisis centre together. These notes collect first ideas for discussion.",
        ],
        "service_description": [
            "A case conference is a regular meeting where the professionals working with the same survivors review "
            "open cases, agree who does what and check that referrals have been followed up.",
        ],
        "steps": [
            {
                "title": "Agree the members",
                "responsible": "Crisis centre manager",
                "description": "Invite named focal points from the police, health facilities and social services.",
            },
            {
                "title": "Prepare the cases",
                "responsible": "Case workers",
                "description": "Share only the information needed, with the survivor's consent.",
            },
            {
                "title": "Record decisions",
                "responsible": "Crisis centre manager",
                "description": "Note agreed actions and owners, and review them at the next meeting.",
            },
        ],
        "lessons": ["To be completed after the pilot."],
        "body": [{"callout": INTERNAL_NOTICE}],
    },
]

# --- Policy tools ---------------------------------------------------------------------------
# Listed in dependency order: a tool's `adapted_from` names a tool created before it.

POLICY_TOOLS = [
    {
        "slug": "korean-police-training-sexual-domestic-violence",
        "title": "Korean police training on sexual and domestic violence: course outline",
        "tool_kind": "curriculum",
        "intended_users": "Police trainers, police academies and curriculum designers",
        "publication_date": D(2019, 7, 10),
        "summary": (
            "An outline of how Korean police officers are trained to respond to sexual and domestic violence, shared "
            "with partner countries as a starting point for their own curricula."
        ),
        "countries": ["KR"],
        "themes": ["police-response", "capacity-building"],
        "organisations": ["knpa", "uspc"],
        "keywords": ["police training", "curriculum", "Sunflower Centre"],
        "body": [
            {
                "heading": "Purpose",
                "paragraphs": [
                    "The course prepares officers to respond to sexual and domestic violence in a way that protects "
                    "survivors and preserves evidence. Partner countries, Kazakhstan first among them, have used it "
                    "as the basis of their own courses.",
                ],
            },
            {
                "heading": "Modules",
                "paragraphs": [
                    [
                        "Gender-based violence and its effects on survivors",
                        "First response and safety planning",
                        "Interviewing survivors, including children and people with disabilities",
                        "Evidence and cooperation with medical staff",
                        "Working with one-stop centres, counsellors and legal advisers",
                        "Preventing secondary victimisation",
                    ]
                ],
            },
            {
                "heading": "Teaching methods",
                "paragraphs": [
                    "Short lectures alternate with case studies and practice interviews. The outline recommends "
                    "additional training for officers who will be based in one-stop centres.",
                ],
            },
        ],
        "adaptation_notes": [
            "Align the legal content with the national criminal procedure code.",
            "Keep the practice interviews: they are what changes behaviour.",
        ],
    },
    {
        "slug": "police-training-course-kazakhstan",
        "title": "Police training course on sexual and domestic violence",
        "tool_kind": "curriculum",
        "intended_users": (
            "Police cadets and serving officers; instructors at the educational institutions of the Ministry of "
            "Internal Affairs"
        ),
        "adapted_from": "korean-police-training-sexual-domestic-violence",
        "publication_date": D(2021, 5, 20),
        "summary": (
            "A training course for police officers on responding to sexual and domestic violence, adapted from the "
            "Korean police training system and introduced in the educational institutions of Kazakhstan's Ministry "
            "of Internal Affairs."
        ),
        "countries": ["KZ", "KR"],
        "themes": ["police-response", "capacity-building", "survivor-centred-services"],
        "organisations": ["mia-kazakhstan", "undp-kazakhstan", "uspc"],
        "keywords": ["police training", "curriculum", "Kazakhstan"],
        "body": [
            {
                "heading": "Background",
                "paragraphs": [
                    "Experts from Kazakhstan studied how Korean police respond to sexual and domestic violence and "
                    "adapted the forms and methods of that response to national law and practice. The course was "
                    "presented to other Central Asian countries at the international round table of 28 April 2021.",
                ],
            },
            {
                "heading": "What the course covers",
                "paragraphs": [
                    "The course follows the structure of the Korean outline, from the first response to a report of "
                    "violence through interviewing, evidence and referral to support services, with examples drawn "
                    "from national cases.",
                ],
            },
            {
                "heading": "Where it is taught",
                "paragraphs": [
                    "The course is part of the training offered by the educational institutions of the Ministry of "
                    "Internal Affairs of the Republic of Kazakhstan, so that new and serving officers learn the same "
                    "approach.",
                ],
            },
        ],
        "adaptation_notes": [
            "Adapting the course meant aligning procedures with national law and rewriting case studies for the "
            "national context.",
            "Countries considering the course should start from their own procedure codes and involve police "
            "instructors from the outset.",
        ],
        "attachments": [{"document": "police-course-outline-kz", "description": "Course outline (PDF)"}],
    },
    {
        "slug": "interview-protocol-survivors",
        "title": "Interview protocol for survivors of sexual violence",
        "tool_kind": "protocol",
        "intended_users": "Police investigators and women police officers working in one-stop centres",
        "publication_date": D(2020, 3, 10),
        "content_warning": True,
        "summary": (
            "A protocol for taking a survivor's statement once, in a safe setting and in a way that courts can rely "
            "on, based on the practice of police officers working in Sunflower Centres."
        ),
        "countries": ["KR", "KZ", "KG"],
        "themes": ["police-response", "legal-support", "survivor-centred-services"],
        "organisations": ["knpa"],
        "keywords": ["interview", "admissibility of testimony", "protocol"],
        "body": [
            {
                "heading": "Principles",
                "paragraphs": [
                    [
                        "One interview, planned and recorded, instead of repeated questioning.",
                        "The survivor's consent and pace come first.",
                        "A support person may be present if the survivor wishes.",
                        "A private room away from public areas.",
                    ]
                ],
            },
            {
                "heading": "Before the interview",
                "paragraphs": [
                    "The officer reads the medical and counselling information shared with consent, checks that the "
                    "survivor is fit to be interviewed and explains how the interview will be recorded and used.",
                ],
            },
            {
                "heading": "During and after the interview",
                "paragraphs": [
                    "Open questions come before specific ones, breaks are offered, and the survivor is told what "
                    "happens next. The recording and notes are stored following the evidence procedure.",
                ],
            },
        ],
        "adaptation_notes": [
            "Check the protocol against national rules on recorded statements before use.",
            "Add specific steps for children and survivors with disabilities.",
        ],
    },
    {
        "slug": "referral-sop-kyrgyz-crisis-centres",
        "title": "Standard operating procedure for referral in Kyrgyz crisis centres",
        "tool_kind": "sop",
        "intended_users": "Crisis centre staff, social workers, police and health workers in Kyrgyzstan",
        "publication_date": D(2019, 11, 14),
        "summary": (
            "A model procedure for how community-based crisis centres in Kyrgyzstan receive survivors, assess their "
            "needs and refer them to medical, police, legal and social services, drawing on the Sunflower Centre "
            "model."
        ),
        "countries": ["KG"],
        "themes": ["multisectoral-coordination", "social-protection", "survivor-centred-services"],
        "organisations": ["mlsd-kyrgyz-republic", "undp-kyrgyz-republic"],
        "keywords": ["referral", "crisis centre", "standard operating procedure"],
        "body": [
            {
                "heading": "Purpose",
                "paragraphs": [
                    "The procedure supports a unified, manualised way of working across crisis centres, as the "
                    "Ministry of Labour and Social Development called for when the partnership began in January "
                    "2019.",
                ],
            },
            {
                "heading": "Steps",
                "paragraphs": [
                    [
                        "Receive the survivor and check immediate safety.",
                        "Assess needs with the survivor: medical, legal, psychological, housing and income.",
                        "Agree referrals with the survivor and contact the receiving service directly.",
                        "Accompany the survivor where needed and record each referral.",
                        "Follow up within an agreed time and close the case only with the survivor's agreement.",
                    ]
                ],
            },
            {
                "heading": "Records and consent",
                "paragraphs": [
                    "Information is shared with another service only with the survivor's informed consent, except "
                    "where the law requires otherwise to protect life.",
                ],
            },
        ],
        "adaptation_notes": ["Agree named referral contacts in each district before putting the procedure into use."],
    },
    {
        "slug": "multisectoral-response-protocol",
        "title": "Multisectoral response protocol for gender-based violence",
        "tool_kind": "protocol",
        "intended_users": (
            "Coordinators of interagency response groups; managers of health, police, social and psycho-social services"
        ),
        "publication_date": D(2020, 10, 5),
        "summary": (
            "A protocol setting out how health, police, social and psycho-social services coordinate their response "
            "to gender-based violence, informed by the regional exchange held in Turkestan in August 2020."
        ),
        "countries": ["KZ", "KG", "TJ", "TM", "UZ"],
        "themes": ["multisectoral-coordination", "counselling", "police-response", "medical-care"],
        "organisations": ["unfpa", "unfpa-kazakhstan"],
        "keywords": ["multisectoral response", "interagency", "Central Asia"],
        "body": [
            {
                "heading": "Roles of each sector",
                "paragraphs": [
                    "Health services treat and document injuries; the police protect and investigate; psycho-social "
                    "services support survivors and coordinate their cases; social services help with housing, "
                    "income and care of children.",
                ],
            },
            {
                "heading": "Coordination",
                "paragraphs": [
                    "Each district names a coordinator and focal points in every sector. Cases that need more than "
                    "one service are discussed at regular meetings, and referrals are recorded so that none is lost.",
                ],
            },
            {
                "heading": "Review",
                "paragraphs": [
                    "The coordination group reviews how the protocol works at least once a year and proposes changes "
                    "to the agencies concerned.",
                ],
            },
        ],
        "adaptation_notes": ["Map existing services and focal points before adopting the protocol in a district."],
    },
    {
        "slug": "case-intake-consent-template",
        "title": "Template: case intake and consent form",
        "tool_kind": "template",
        "intended_users": "Counsellors and case managers in one-stop and crisis centres",
        "publication_date": D(2018, 11, 6),
        "summary": (
            "A template for recording a survivor's first contact with a centre and her informed consent to services "
            "and to sharing information."
        ),
        "countries": ["KR", "AL", "KG"],
        "themes": ["survivor-centred-services", "data-and-monitoring"],
        "organisations": ["uspc"],
        "keywords": ["intake", "informed consent", "template"],
        "body": [
            {
                "heading": "How to use the template",
                "paragraphs": [
                    "Fill in the form with the survivor, not about her. Explain each consent separately and record "
                    "refusals as carefully as agreements.",
                ],
            },
        ],
        "adaptation_notes": [
            "Translate the consent wording into plain language and check it against national data protection law."
        ],
        "attachments": [{"document": "template-intake-consent", "description": "Fillable template (PDF)"}],
    },
    {
        "slug": "monthly-service-report-template",
        "title": "Template: monthly service report for one-stop centres",
        "tool_kind": "template",
        "intended_users": "Centre managers and ministry staff who monitor a network of centres",
        "publication_date": D(2022, 3, 15),
        "summary": (
            "A common reporting template that lets a ministry compare centres and see where survivors' needs are not "
            "being met, without collecting personal data."
        ),
        "countries": ["KR", "AL", "KZ"],
        "themes": ["data-and-monitoring", "one-stop-centres"],
        "organisations": ["mogef"],
        "keywords": ["reporting", "monitoring", "template"],
        "body": [
            {
                "heading": "What the report contains",
                "paragraphs": [
                    "Counts of new and open cases by type of violence and service provided, staffing and vacancies, "
                    "referrals made and received, and problems that need the ministry's attention.",
                ],
            },
        ],
        "adaptation_notes": ["Keep the number of fields small; every field should feed a decision."],
        "attachments": [{"document": "template-monthly-report", "description": "Report template (PDF)"}],
    },
    {
        "slug": "counsellor-manual-one-stop-centres",
        "title": "Manual for counsellors in one-stop centres",
        "tool_kind": "manual",
        "intended_users": "Counsellors and psychologists working with survivors in one-stop and crisis centres",
        "publication_date": D(2023, 6, 27),
        "summary": (
            "A practical manual for counsellors: crisis counselling, safety planning, working within a "
            "multidisciplinary team and looking after their own wellbeing."
        ),
        "countries": ["KR", "KG", "ID"],
        "themes": ["counselling", "survivor-centred-services", "children-and-disability"],
        "organisations": ["uspc"],
        "keywords": ["counselling", "safety planning", "manual"],
        "body": [
            {
                "heading": "Crisis counselling",
                "paragraphs": [
                    "The first conversation aims at safety and stability, not at the full story. The counsellor "
                    "listens, explains the options and lets the survivor decide.",
                ],
            },
            {
                "heading": "Working in a team",
                "paragraphs": [
                    "Counsellors often coordinate the case. The manual describes how to prepare case meetings and "
                    "how to share information with colleagues with the survivor's consent.",
                ],
            },
            {
                "heading": "Looking after the team",
                "paragraphs": [
                    "Supervision and debriefing help counsellors cope with the strain of the work and stay in "
                    "their posts.",
                ],
            },
        ],
        "adaptation_notes": ["Add national referral contacts and the legal duties that apply to counsellors."],
    },
    {
        "slug": "model-agreement-hospital-based-centre",
        "title": "Model agreement for a hospital-based one-stop centre",
        "tool_kind": "legal-model",
        "intended_users": "Ministries, local governments and hospital managers setting up a one-stop centre",
        "publication_date": D(2019, 5, 21),
        "summary": (
            "An illustrative agreement between a ministry, a local government, the police and a host hospital, "
            "setting out who provides premises, staff and budget for a one-stop centre."
        ),
        "countries": ["KR", "AL", "ID", "SN"],
        "themes": ["funding", "one-stop-centres", "multisectoral-coordination"],
        "organisations": ["uspc"],
        "keywords": ["agreement", "hospital", "cost sharing"],
        "body": [
            {
                "heading": "Structure of the agreement",
                "paragraphs": [
                    [
                        "Parties and purpose of the centre",
                        "Premises and equipment provided by the hospital",
                        "Staff provided by each party, and the line of management",
                        "Budget contributions and reporting",
                        "Confidentiality and data protection",
                        "Review, amendment and termination",
                    ]
                ],
            },
            {
                "heading": "A note of caution",
                "paragraphs": [
                    "The model is illustrative. Each country must draft its agreement under its own law, with legal "
                    "advice.",
                ],
            },
        ],
        "adaptation_notes": [
            "Start from the partners' existing legal powers; do not promise what a party cannot lawfully give."
        ],
    },
    {
        "slug": "internal-referral-procedure-draft",
        "title": "Internal: working draft of the referral procedure for pilot crisis centres",
        "restricted": True,
        "tool_kind": "sop",
        "intended_users": "Partner officials reviewing the draft procedure",
        "publication_date": D(2019, 9, 3),
        "summary": (
            "The working draft, for partner officials only, from which the public referral procedure for Kyrgyz "
            "crisis centres was developed. It shows open questions still under discussion."
        ),
        "countries": ["KG"],
        "themes": ["multisectoral-coordination", "social-protection"],
        "organisations": ["mlsd-kyrgyz-republic", "undp-kyrgyz-republic"],
        "keywords": ["referral", "draft"],
        "body": [
            {"callout": INTERNAL_NOTICE},
            {
                "heading": "Open questions",
                "paragraphs": [
                    [
                        "Which services can receive referrals outside working hours?",
                        "How are referrals recorded where centres have no electronic system?",
                        "Who follows up when a survivor moves to another district?",
                    ]
                ],
            },
        ],
    },
]

# --- Policy briefs --------------------------------------------------------------------------
# Each brief also becomes a PDF document (its summary and body), attached to the brief.

POLICY_BRIEFS = [
    {
        "slug": "why-one-stop-centres",
        "title": "Why one-stop centres? Lessons from Korea's Sunflower Centres",
        "publication_date": D(2017, 12, 5),
        "authors": ["Ahjung Lee"],
        "summary": (
            "Survivors of gender-based violence should not have to go from office to office to get help. This brief "
            "explains how Korea's Sunflower Centres gather services in one place and what partner countries can "
            "take from them."
        ),
        "countries": ["KR", "AL", "ID", "KZ", "SN"],
        "themes": ["one-stop-centres", "survivor-centred-services"],
        "organisations": ["uspc", "mogef"],
        "keywords": ["Sunflower Centre", "one-stop centre"],
        "body": [
            {
                "heading": "The problem",
                "paragraphs": [
                    "Where services are scattered, a survivor has to repeat her account to a doctor, a police "
                    "officer, a counsellor and a lawyer. Each step adds to the harm and many survivors stop seeking "
                    "help.",
                ],
                "image": "network",
            },
            {
                "heading": "Korea's answer",
                "paragraphs": [
                    "Sunflower Centres are state-funded one-stop centres, most of them inside hospitals, where "
                    "counselling, medical care, police investigation and legal support are available together. They "
                    "are run by the Ministry of Gender Equality and Family with local governments, the police and "
                    "hospitals.",
                ],
            },
            {
                "heading": "What partners can take from it",
                "paragraphs": [
                    "The building matters less than the arrangements behind it: a lead ministry, lasting funding, a "
                    "team that works to shared procedures and police who are trained to work with survivors.",
                ],
            },
        ],
    },
    {
        "slug": "sustained-public-funding",
        "title": "Paying for integrated GBV services: the case for sustained public funding",
        "publication_date": D(2018, 6, 19),
        "authors": ["Ahjung Lee", "Youngchan Kim"],
        "summary": (
            "One-stop services for survivors only earn trust if they stay open. Drawing on Korea's fully "
            "government-funded Sunflower Centres and the 2018 exchanges with Albania, this brief argues for "
            "recurrent public budgets."
        ),
        "countries": ["KR", "AL"],
        "themes": ["funding", "one-stop-centres"],
        "organisations": ["uspc", "mogef", "undp-albania"],
        "keywords": ["public funding", "sustainability"],
        "body": [
            {
                "heading": "Why funding comes first",
                "paragraphs": [
                    "In the March 2018 webinar with Albania, sufficient and sustained funding was the first condition "
                    "named for a one-stop centre that provides holistic and reliable services.",
                ],
            },
            {
                "heading": "How Korea does it",
                "paragraphs": [
                    "The Sunflower Centres are 100% government funded. The Ministry of Gender Equality and Family, "
                    "local governments, the police and hospitals each carry part of the cost.",
                ],
            },
            {
                "heading": "Recommendations",
                "paragraphs": [
                    [
                        "Fund centres from recurrent budget lines, not one-off grants.",
                        "Write each partner's contribution into an agreement.",
                        "Budget for competitive pay so that trained staff stay.",
                    ]
                ],
            },
        ],
    },
    {
        "slug": "building-multidisciplinary-teams",
        "title": "Building multidisciplinary teams for survivor services",
        "publication_date": D(2018, 10, 30),
        "authors": ["Ahjung Lee"],
        "summary": (
            "A one-stop centre needs counsellors, clinicians, police officers and legal advisers who work as one "
            "team. This brief sets out how to recruit them, pay them and manage them together."
        ),
        "countries": ["KR", "AL"],
        "themes": ["capacity-building", "multisectoral-coordination"],
        "organisations": ["uspc"],
        "keywords": ["multidisciplinary team", "recruitment"],
        "body": [
            {
                "heading": "People make the service",
                "paragraphs": [
                    "Professionals in a one-stop centre often come from different institutions, with different "
                    "employers and habits. Without a common way of working, the centre becomes a set of offices "
                    "under one roof.",
                ],
            },
            {
                "heading": "Recruitment and pay",
                "paragraphs": [
                    "Recruiting highly trained professionals and paying them adequately was one of the priorities "
                    "identified in the exchanges with Albania. Secondments from the police and hospitals need clear "
                    "terms.",
                ],
            },
            {
                "heading": "Management",
                "paragraphs": [
                    "A reporting and management scheme for the team, regular case meetings and joint training turn "
                    "separate professionals into a team.",
                ],
            },
        ],
    },
    {
        "slug": "crisis-centres-kyrgyzstan",
        "title": "Strengthening crisis centres in Kyrgyzstan through triangular cooperation",
        "publication_date": D(2019, 4, 16),
        "authors": ["Youngchan Kim", "Ahjung Lee"],
        "summary": (
            "The partnership with Kyrgyzstan, launched in January 2019, aims to strengthen community-based crisis "
            "centres with a unified, manualised intervention model. This brief sets out the starting point and the "
            "options."
        ),
        "countries": ["KG", "KR"],
        "themes": ["social-protection", "one-stop-centres", "multisectoral-coordination"],
        "organisations": ["uspc", "undp-kyrgyz-republic", "mlsd-kyrgyz-republic"],
        "keywords": ["crisis centre", "triangular cooperation"],
        "body": [
            {
                "heading": "Starting point",
                "paragraphs": [
                    "Community-based crisis centres are where survivors in Kyrgyzstan most often find help. They have "
                    "real strengths, including their closeness to communities, but face difficulties in providing "
                    "integrated support.",
                ],
            },
            {
                "heading": "What the Sunflower Centres offer as a reference",
                "paragraphs": [
                    "The Korean model shows how management structure, operating processes and funding can be set up "
                    "so that survivors, including children and people with disabilities, receive coordinated "
                    "services.",
                ],
            },
            {
                "heading": "Next steps",
                "paragraphs": [
                    "A strategic workplan and a map of areas for exchange were agreed as the first steps, with the "
                    "Ministry of Labour and Social Development ready to support implementation.",
                ],
            },
        ],
    },
    {
        "slug": "multisectoral-response-central-asia",
        "title": "Multisectoral response in Central Asia: lessons from regional exchange",
        "publication_date": D(2020, 11, 24),
        "authors": ["Ahjung Lee"],
        "summary": (
            "In August 2020, the five Central Asian countries compared their interagency responses to gender-based "
            "violence in Turkestan, Kazakhstan. This brief draws out what a multisectoral response requires."
        ),
        "countries": ["KZ", "KG", "TJ", "TM", "UZ"],
        "themes": ["multisectoral-coordination", "counselling", "police-response"],
        "organisations": ["unfpa", "unfpa-kazakhstan", "uk-government"],
        "keywords": ["multisectoral response", "Central Asia", "psycho-social support"],
        "body": [
            {
                "heading": "A holistic approach",
                "paragraphs": [
                    "Ending violence against women needs a coordinated system that serves survivors and also works "
                    "with perpetrators. Medical, psycho-social and police services have to act together.",
                ],
            },
            {
                "heading": "The Turkestan example",
                "paragraphs": [
                    "The Turkestan region's Psycho-Social Support Services give immediate help and direct survivors "
                    "to the medical, psycho-social or police assistance they need, which makes them a natural entry "
                    "point for the whole system.",
                ],
            },
            {
                "heading": "What it takes",
                "paragraphs": [
                    [
                        "A named coordinator and focal points in every sector.",
                        "Standard protocols and operating procedures shared by all services.",
                        "Budgets for an essential package of services.",
                    ]
                ],
            },
        ],
    },
    {
        "slug": "police-response-training-central-asia",
        "title": "From Korean training to Central Asian curricula: police response to sexual and domestic violence",
        "publication_date": D(2021, 6, 8),
        "authors": ["Ahjung Lee", "Youngchan Kim"],
        "summary": (
            "Kazakhstan adapted the Korean training system for police officers into its own course on sexual and "
            "domestic violence. This brief, written after the April 2021 round table, looks at what made the "
            "adaptation work and what other countries can use."
        ),
        "countries": ["KZ", "KR", "UZ", "KG"],
        "themes": ["police-response", "capacity-building"],
        "organisations": ["uspc", "mia-kazakhstan", "spotlight-central-asia"],
        "keywords": ["police training", "Kazakhstan", "round table"],
        "body": [
            {
                "heading": "Trained officers in the right place",
                "paragraphs": [
                    "In the Sunflower Centres, trained women police officers work alongside counsellors and "
                    "clinicians. Good protocols and training are what make survivors' testimony admissible.",
                ],
            },
            {
                "heading": "Kazakhstan's course",
                "paragraphs": [
                    "Experts from Kazakhstan adapted forms and methods of police response from the Korean training "
                    "system, and the resulting course is taught in the educational institutions of the Ministry of "
                    "Internal Affairs.",
                ],
            },
            {
                "heading": "For other countries",
                "paragraphs": [
                    "Training is most effective when it is part of a multisectoral response in which police, state "
                    "and non-state service providers work together on legal protection, medical care and "
                    "psycho-social rehabilitation.",
                ],
            },
        ],
    },
    {
        "slug": "cost-of-survivor-services",
        "title": "What does it cost to help one survivor? Planning budgets for varied cases",
        "publication_date": D(2021, 9, 14),
        "authors": ["Ahjung Lee"],
        "summary": (
            "Partners often ask for the average cost of assisting one survivor. Korean experience suggests that "
            "such an average misleads, because cases differ in the type of violence and the professionals needed. "
            "This brief proposes another way to plan."
        ),
        "countries": ["KR", "KG", "KZ"],
        "themes": ["funding", "data-and-monitoring"],
        "organisations": ["uspc"],
        "keywords": ["costing", "budgeting"],
        "body": [
            {
                "heading": "Why averages mislead",
                "paragraphs": [
                    "Sunflower Centres deal with different types of violence. The cost of a case depends on the "
                    "people needed to assist a particular survivor in a particular context, so a single average hides "
                    "more than it shows.",
                ],
            },
            {
                "heading": "Planning by service",
                "paragraphs": [
                    "A more useful budget starts from the services a centre must be able to provide at any time, the "
                    "staff this requires and the expected mix of cases, reviewed each year.",
                ],
            },
        ],
    },
    {
        "slug": "monitoring-service-quality",
        "title": "Monitoring service quality across a national network",
        "publication_date": D(2023, 3, 21),
        "authors": ["Youngchan Kim"],
        "summary": (
            "As countries move from one pilot centre to many, consistent quality becomes the challenge. This brief "
            "outlines a light monitoring system that protects survivors' privacy."
        ),
        "countries": ["KR", "AL", "KZ"],
        "themes": ["data-and-monitoring", "one-stop-centres"],
        "organisations": ["uspc", "mogef"],
        "keywords": ["monitoring", "quality"],
        "body": [
            {
                "heading": "From one centre to a network",
                "paragraphs": [
                    "Managing and monitoring centres across the country was one of the priorities identified with "
                    "Albania in 2018. Without it, survivors in different regions receive different services.",
                ],
            },
            {
                "heading": "A light system",
                "paragraphs": [
                    [
                        "Common minimum standards for every centre.",
                        "A short monthly report on a shared template.",
                        "Central review and visits where reports show problems.",
                        "No personal data in reports.",
                    ]
                ],
            },
        ],
    },
    {
        "slug": "technology-facilitated-gbv",
        "title": "Technology-facilitated gender-based violence: a problem without borders",
        "publication_date": D(2024, 12, 10),
        "authors": ["Youngchan Kim", "Anne Juepner"],
        "summary": (
            "Technology-facilitated gender-based violence affects countries at every level of internet development. "
            "This brief, written after the USPC-WHRIK Statement of Intent of November 2024, sets out how Korean "
            "support for survivors can inform partner countries."
        ),
        "countries": ["KR", "ID", "KZ", "KG"],
        "themes": ["technology-facilitated-gbv", "prevention", "survivor-centred-services"],
        "organisations": ["uspc", "whrik", "acosav"],
        "keywords": ["online abuse", "digital safety", "WHRIK"],
        "body": [
            {
                "heading": "A global issue",
                "paragraphs": [
                    "Criminal groups exploit gaps in digital infrastructure for profit, and the harm they cause "
                    "crosses borders. No country is protected by a low or a high level of internet development.",
                ],
            },
            {
                "heading": "Korea's systematic support",
                "paragraphs": [
                    "The Advocacy Center for Online Sexual Abuse Victims (ACOSAV), part of the Women's Human Rights "
                    "Institute of Korea, offers survivors of online sexual abuse systematic support.",
                ],
                "image": "waves",
            },
            {
                "heading": "What partnership can add",
                "paragraphs": [
                    "USPC and WHRIK plan joint work on protecting survivors, building the capacity of support service "
                    "providers and raising public awareness, so that partner countries can adapt what works.",
                ],
            },
        ],
    },
    {
        "slug": "from-policy-to-practice",
        "title": "From policy to practice: partnerships against gender-based violence",
        "publication_date": D(2025, 3, 18),
        "authors": ["Anne Juepner"],
        "summary": (
            "Good policies are not enough; what counts is whether they are put into practice. This brief reviews "
            "how the DSP on gender-based violence has linked Korean institutions with partner countries since 2017."
        ),
        "countries": ["KR", "AL", "KZ", "KG"],
        "themes": ["prevention", "capacity-building", "multisectoral-coordination"],
        "organisations": ["uspc", "whrik"],
        "keywords": ["implementation", "partnership", "16 Days of Activism"],
        "body": [
            {
                "heading": "Since 2017",
                "paragraphs": [
                    "Launched in September 2017, the partnership has connected Korean institutions with partners in "
                    "Europe, Asia and Africa through webinars, study missions, round tables and knowledge products.",
                ],
                "image": "steps",
            },
            {
                "heading": "Implementation is the test",
                "paragraphs": [
                    "Exchanges work when they lead to changed practice: a training course in use, a referral "
                    "procedure followed, a budget line secured.",
                ],
            },
            {
                "heading": "Awareness as part of the response",
                "paragraphs": [
                    "Campaigns such as the 16 Days of Activism, run jointly by USPC and WHRIK in 2024, help make "
                    "services known to the people who need them.",
                ],
            },
        ],
    },
    {
        "slug": "internal-draft-workplan-kyrgyzstan",
        "title": "Internal: draft workplan for the DSP with Kyrgyzstan",
        "restricted": True,
        "publication_date": D(2019, 2, 26),
        "authors": ["Youngchan Kim"],
        "summary": (
            "Draft workplan, for partner officials only, following the January 2019 webinar: proposed activities, "
            "owners and areas of knowledge exchange for discussion with the Kyrgyz counterparts."
        ),
        "countries": ["KG", "KR"],
        "themes": ["social-protection", "capacity-building"],
        "organisations": ["uspc", "undp-kyrgyz-republic", "mlsd-kyrgyz-republic"],
        "keywords": ["workplan", "draft"],
        "body": [
            {"callout": INTERNAL_NOTICE},
            {
                "heading": "Proposed activities",
                "paragraphs": [
                    [
                        "Map the areas where Korean and Kyrgyz institutions will exchange knowledge and experience.",
                        "Draft a unified intervention model for pilot crisis centres.",
                        "Prepare a referral procedure with the Ministry of Labour and Social Development.",
                        "Plan a study visit once the model is drafted.",
                    ]
                ],
            },
        ],
        "attachments": [{"document": "internal-mapping-kyrgyzstan", "description": "Draft mapping (partner-only PDF)"}],
    },
]

# --- Events ---------------------------------------------------------------------------------
# `start` and `end` are wall-clock times in the event's own `time_zone`. Exact hours were not
# published for past events; the times below are plausible placeholders for the demo.

EVENTS = [
    {
        "slug": "webinar-albania-november-2017",
        "title": "First DSP webinar with Albania on support for GBV survivors",
        "event_type": "webinar",
        "summary": (
            "The first web-based seminar of the DSP with Albania linked UNDP Seoul Policy Centre, UNDP Albania and "
            "stakeholders in both countries to start an exchange on holistic support for survivors of "
            "gender-based violence."
        ),
        "start": DT(2017, 11, 15, 9, 0),
        "end": DT(2017, 11, 15, 11, 0),
        "time_zone": "Europe/Tirane",
        "is_online": True,
        "online_platform": "Video conference",
        "host_country": "AL",
        "series": "dsp-webinars-albania",
        "organisers": ["uspc", "undp-albania"],
        "countries": ["AL", "KR"],
        "themes": ["one-stop-centres", "survivor-centred-services"],
        "body": [
            {
                "paragraphs": [
                    "Shortly after the partnership was launched, this webinar opened the exchange between Korea and "
                    "Albania. Participants introduced their institutions and the services available to survivors in "
                    "each country, and agreed to continue with a second, more detailed session.",
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "09:00",
                "end_time": "09:15",
                "title": "Welcome and purpose of the partnership",
                "speakers": "UNDP Seoul Policy Centre, UNDP Albania",
            },
            {
                "start_time": "09:15",
                "end_time": "09:45",
                "title": "Korea's approach to supporting survivors",
                "speakers": "UNDP Seoul Policy Centre",
            },
            {
                "start_time": "09:45",
                "end_time": "10:15",
                "title": "Services for survivors in Albania",
                "speakers": "UNDP Albania",
            },
            {"start_time": "10:15", "end_time": "11:00", "title": "Discussion and next steps"},
        ],
        "outcomes": ["Both sides agreed to hold a second webinar on what it takes to set up a one-stop centre."],
        "follow_up_actions": [
            {
                "action": "Prepare a second webinar on establishing a one-stop service centre",
                "owner": "USPC and UNDP Albania",
                "due": D(2018, 3, 28),
            },
        ],
    },
    {
        "slug": "webinar-albania-march-2018",
        "title": "Second DSP webinar with Albania: setting up a one-stop centre for survivors",
        "event_type": "webinar",
        "summary": (
            "Korean and Albanian participants examined what it takes to establish a one-stop service centre for "
            "survivors of gender-based violence, from institutional setting and funding to recruitment, "
            "coordination and community resources, and prepared the April 2018 study mission to Seoul."
        ),
        "start": DT(2018, 3, 28, 9, 0),
        "end": DT(2018, 3, 28, 11, 30),
        "time_zone": "Europe/Tirane",
        "is_online": True,
        "online_platform": "Video conference",
        "host_country": "AL",
        "series": "dsp-webinars-albania",
        "organisers": ["uspc", "undp-albania"],
        "partners": ["mogef"],
        "countries": ["AL", "KR"],
        "themes": ["one-stop-centres", "funding", "capacity-building", "multisectoral-coordination"],
        "body": [
            {
                "heading": "The Sunflower Centre as a reference",
                "paragraphs": [
                    "The session opened with the main features of Korea's Sunflower Centres: one-stop centres, fully "
                    "funded by the government, where survivors receive counselling, medical care, investigation and "
                    "legal support in one place. As of April 2018 the country had 38 of them.",
                ],
            },
            {
                "heading": "Questions discussed",
                "paragraphs": [
                    [
                        "The institutional setting of a one-stop centre",
                        "How it is funded",
                        "Recruiting multidisciplinary professionals",
                        "Coordinating with other stakeholders",
                        "Mobilising community-based resources",
                    ]
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "09:00",
                "end_time": "09:10",
                "title": "Opening",
                "speakers": "UNDP Seoul Policy Centre, UNDP Albania",
            },
            {
                "start_time": "09:10",
                "end_time": "09:40",
                "title": "Key features of Korea's Sunflower Centres",
                "speakers": "UNDP Seoul Policy Centre",
            },
            {"start_time": "09:40", "end_time": "10:10", "title": "Institutional setting and funding mechanism"},
            {
                "start_time": "10:10",
                "end_time": "10:40",
                "title": "Recruiting professionals and coordinating with stakeholders",
            },
            {"start_time": "10:40", "end_time": "11:00", "title": "Mobilising community-based resources"},
            {"start_time": "11:00", "end_time": "11:30", "title": "Preparing the study mission to Seoul"},
        ],
        "outcomes": [
            "Participants singled out four priorities for a one-stop centre:",
            {
                "ol": [
                    "sufficient and sustained funding, so that services are holistic and reliable;",
                    "recruitment and adequate pay of highly trained professionals, for high-quality services;",
                    "a reporting and management scheme that lets the multidisciplinary team work effectively;",
                    "management and monitoring of centres across the country, for consistent quality and a better "
                    "response to survivors' needs.",
                ]
            },
        ],
        "follow_up_actions": [
            {
                "action": "Finalise the programme of the study mission to Seoul (24-26 April 2018)",
                "owner": "USPC and UNDP Albania",
                "due": D(2018, 4, 16),
            },
        ],
        "materials": [
            {
                "document": "sunflower-centres-presentation",
                "description": "Presentation notes on the Sunflower Centres",
            },
            {"document": "record-webinar-albania-2018", "description": "Webinar record"},
        ],
    },
    {
        "slug": "study-mission-seoul-april-2018",
        "title": "Study mission of an Albanian delegation to Seoul",
        "event_type": "study-mission",
        "summary": (
            "A three-day study mission in Seoul for an Albanian delegation, prepared during the March 2018 webinar, "
            "to see how Korea organises one-stop services for survivors of gender-based violence."
        ),
        "start": DT(2018, 4, 24, 9, 30),
        "end": DT(2018, 4, 26, 17, 0),
        "time_zone": "Asia/Seoul",
        "city": "Seoul",
        "host_country": "KR",
        "organisers": ["uspc", "undp-albania"],
        "countries": ["AL", "KR"],
        "themes": ["one-stop-centres", "medical-care", "police-response"],
        "body": [
            {
                "paragraphs": [
                    "The mission built on the two webinars of the DSP with Albania. Its programme, outlined below, "
                    "was prepared during the March 2018 webinar to let the delegation see the Sunflower Centre model "
                    "at work and discuss how its elements could fit the Albanian context.",
                ],
            },
        ],
        "agenda": [
            {
                "day": 1,
                "start_time": "09:30",
                "end_time": "12:00",
                "title": "Briefing on the partnership and Korea's response to gender-based violence",
                "speakers": "UNDP Seoul Policy Centre",
            },
            {
                "day": 1,
                "start_time": "14:00",
                "end_time": "17:00",
                "title": "National policy and funding for survivor services",
            },
            {
                "day": 2,
                "start_time": "10:00",
                "end_time": "13:00",
                "title": "Visit to a hospital-based Sunflower Centre",
            },
            {"day": 2, "start_time": "14:30", "end_time": "17:00", "title": "Police work in one-stop centres"},
            {
                "day": 3,
                "start_time": "10:00",
                "end_time": "13:00",
                "title": "Workshop: priorities for a one-stop centre in Albania",
            },
            {
                "day": 3,
                "start_time": "15:00",
                "end_time": "17:00",
                "title": "Wrap-up and next steps",
                "speakers": "UNDP Seoul Policy Centre, UNDP Albania",
            },
        ],
        "follow_up_actions": [
            {"action": "Share the mission's findings with national stakeholders in Albania", "owner": "UNDP Albania"},
        ],
        "materials": [{"document": "programme-study-mission-2018", "description": "Programme note"}],
    },
    {
        "slug": "webinar-kyrgyzstan-january-2019",
        "title": "Webinar: integrative support mechanisms for GBV survivors in Kyrgyzstan",
        "event_type": "webinar",
        "summary": (
            "The first joint activity of UNDP Seoul Policy Centre and UNDP Kyrgyz Republic connected government and "
            "institutional partners from both countries and opened a triangular cooperation to strengthen "
            "Kyrgyzstan's community-based crisis centres."
        ),
        "start": DT(2019, 1, 29, 14, 0),
        "end": DT(2019, 1, 29, 16, 30),
        "time_zone": "Asia/Bishkek",
        "is_online": True,
        "online_platform": "Video conference",
        "host_country": "KG",
        "organisers": ["uspc", "undp-kyrgyz-republic"],
        "partners": ["mlsd-kyrgyz-republic"],
        "countries": ["KG", "KR"],
        "themes": ["one-stop-centres", "social-protection", "children-and-disability"],
        "speakers": [{"person": "Janyl Alybaeva", "role": "Remarks for the Ministry of Labour and Social Development"}],
        "body": [
            {
                "heading": "Korea's Sunflower Centres",
                "paragraphs": [
                    "USPC presented the Sunflower Centres, government-funded one-stop centres housed in hospitals "
                    "that combine counselling, medical and police-investigation services. The presentation covered "
                    "their management structure, operating processes and funding, and their aim of integrated, "
                    "victim-centred services, especially for children and people with disabilities.",
                ],
            },
            {
                "heading": "Crisis centres in Kyrgyzstan",
                "paragraphs": [
                    "UNDP Kyrgyz Republic described the current support mechanisms for survivors, focusing on the "
                    "strengths and difficulties of community-based crisis centres. The Deputy Minister of Labour and "
                    "Social Development, Janyl Alybaeva, welcomed the plan to introduce a unified, manualised "
                    "intervention model for the crisis centres and said the ministry was ready to support it.",
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "14:00",
                "end_time": "14:15",
                "title": "Opening",
                "speakers": "UNDP Seoul Policy Centre, UNDP Kyrgyz Republic",
            },
            {
                "start_time": "14:15",
                "end_time": "14:55",
                "title": "Korea's Sunflower Centres: management, operations and funding",
                "speakers": "UNDP Seoul Policy Centre",
            },
            {
                "start_time": "14:55",
                "end_time": "15:35",
                "title": "Support mechanisms for GBV survivors in Kyrgyzstan",
                "speakers": "UNDP Kyrgyz Republic",
            },
            {
                "start_time": "15:35",
                "end_time": "15:50",
                "title": "Remarks from the Ministry of Labour and Social Development",
                "speakers": "Janyl Alybaeva",
            },
            {"start_time": "15:50", "end_time": "16:30", "title": "Discussion and next steps"},
        ],
        "outcomes": [
            [
                "The webinar launched the DSP with Kyrgyzstan and a triangular cooperation on gender-based violence.",
                "The Ministry of Labour and Social Development offered its support for integrated service mechanisms.",
            ]
        ],
        "follow_up_actions": [
            {"action": "Develop a concrete, strategic workplan", "owner": "USPC and UNDP Kyrgyz Republic"},
            {
                "action": "Map specific areas for knowledge and experience exchange",
                "owner": "USPC and UNDP Kyrgyz Republic",
            },
        ],
        "materials": [{"document": "record-webinar-kyrgyzstan-2019", "description": "Webinar record"}],
    },
    {
        "slug": "technical-meeting-turkestan-august-2020",
        "title": "Central Asian technical meeting on interagency response to GBV",
        "event_type": "technical-meeting",
        "summary": (
            "Civil servants, civil society and development partners from Kazakhstan, Kyrgyzstan, Tajikistan, "
            "Turkmenistan and Uzbekistan met in Turkestan to compare how their countries coordinate the response to "
            "gender-based violence, under a UNFPA sub-regional project funded by the UK Government."
        ),
        "start": DT(2020, 8, 17, 9, 0),
        "end": DT(2020, 8, 18, 17, 0),
        "time_zone": "Asia/Almaty",
        "city": "Turkestan",
        "host_country": "KZ",
        "organisers": ["unfpa-kazakhstan"],
        "partners": ["unfpa", "uk-government"],
        "countries": ["KZ", "KG", "TJ", "TM", "UZ"],
        "themes": ["multisectoral-coordination", "counselling", "social-protection"],
        "speakers": [{"person": "Giulia Vallese", "role": "Opening remarks"}],
        "body": [
            {
                "heading": "The project",
                "paragraphs": [
                    "The meeting was part of the sub-regional project 'Strengthening national capacities to improve "
                    "prevention of, and responses to Gender-Based Violence in Central Asia', implemented by UNFPA "
                    "with UK Government funding to spread good practice among the countries of the region.",
                ],
            },
            {
                "heading": "Two days of exchange",
                "paragraphs": [
                    "On the first day, participants studied how the Turkestan region has put an interagency response "
                    "in place, including its Psycho-Social Support Services, which give survivors immediate help and "
                    "refer them to medical, psycho-social or police assistance. On the second day, delegations "
                    "shared their own lessons and next steps.",
                ],
            },
        ],
        "agenda": [
            {"day": 1, "start_time": "09:00", "end_time": "09:30", "title": "Opening", "speakers": "Giulia Vallese"},
            {
                "day": 1,
                "start_time": "09:30",
                "end_time": "12:30",
                "title": "The Turkestan region's interagency response to gender-based violence",
            },
            {
                "day": 1,
                "start_time": "14:00",
                "end_time": "17:00",
                "title": "Psycho-Social Support Services for survivors",
            },
            {
                "day": 2,
                "start_time": "09:00",
                "end_time": "12:30",
                "title": "Country experiences from Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan",
            },
            {"day": 2, "start_time": "14:00", "end_time": "17:00", "title": "Lessons learned and next steps"},
        ],
        "outcomes": [
            [
                (
                    "Participants reviewed Kazakhstan's system of multi-sectoral response and the Turkestan region's "
                    "experience."
                ),
                "Each delegation identified next steps to strengthen its national response.",
            ]
        ],
        "follow_up_actions": [
            {"action": "Take forward the next steps identified by each country", "owner": "National delegations"},
        ],
        "materials": [{"document": "summary-turkestan-2020", "description": "Summary note"}],
    },
    {
        "slug": "round-table-central-asia-korea-april-2021",
        "title": (
            "Round table: Prevention and Response to Gender-Based Violence – Experience of Central Asian Countries "
            "and South Korea"
        ),
        "event_type": "round-table",
        "summary": (
            "An international round table at which Central Asian countries and Korea compared how they prevent and "
            "respond to gender-based violence. Experts from Kazakhstan presented a police training course adapted "
            "from the Korean police training system and taught in institutions of the Ministry of Internal Affairs."
        ),
        "start": DT(2021, 4, 28, 15, 0),
        "end": DT(2021, 4, 28, 17, 30),
        "time_zone": "Asia/Bishkek",
        "is_online": True,
        "online_platform": "Video conference",
        "host_country": "KG",
        "organisers": ["spotlight-central-asia", "undp-kyrgyz-republic", "uspc"],
        "partners": ["spotlight-kyrgyzstan"],
        "countries": ["KG", "KZ", "UZ", "KR"],
        "themes": ["police-response", "multisectoral-coordination", "capacity-building", "one-stop-centres"],
        "speakers": [
            {"person": "Natalia Maqsimchook", "role": "Presenter: Spotlight regional programme"},
            {"person": "Ahjung Lee", "role": "Presenter: Korean experience"},
        ],
        "body": [
            {
                "heading": "Who took part",
                "paragraphs": [
                    "The round table was organised by the Spotlight Initiative regional programme for Central Asia "
                    "and Afghanistan and UNDP in Kyrgyzstan, with the national Spotlight Initiative programme in "
                    "Kyrgyzstan and UNDP Seoul Policy Centre. Police and other criminal justice representatives, "
                    "civil society organisations and UN agencies attended.",
                ],
            },
            {
                "heading": "The regional programme",
                "paragraphs": [
                    "Natalia Maqsimchook presented the regional programme 'Alliances for Change', which supports "
                    "country work to end violence against women and girls: closing gaps in laws and policies, "
                    "strengthening institutions and services, promoting gender-equitable attitudes, producing "
                    "disaggregated data and supporting women's movements.",
                ],
            },
            {
                "heading": "Korean experience",
                "paragraphs": [
                    "Ahjung Lee of USPC explained that there is no meaningful average cost of assisting one survivor, "
                    "since Sunflower Centres handle many types of violence and each case needs different people. She "
                    "stressed the role of trained women police officers based in the centres, and of good protocols "
                    "and police training, in making survivors' testimony admissible.",
                ],
            },
            {
                "heading": "Police training in Kazakhstan",
                "paragraphs": [
                    "Experts from Kazakhstan described forms and methods of police response to sexual and domestic "
                    "violence adapted from the South Korean system for training police officers, and the training "
                    "course for police officers now used in the educational institutions of Kazakhstan's Ministry of "
                    "Internal Affairs.",
                ],
            },
            {
                "heading": "Uzbekistan",
                "paragraphs": [
                    "Participants from Uzbekistan presented national work on the rehabilitation and adaptation of "
                    "survivors of violence and on suicide prevention.",
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "15:00",
                "end_time": "15:15",
                "title": "Opening",
                "speakers": "Spotlight Initiative, UNDP Kyrgyzstan, USPC",
            },
            {
                "start_time": "15:15",
                "end_time": "15:40",
                "title": "The Spotlight Initiative regional programme for Central Asia and Afghanistan",
                "speakers": "Natalia Maqsimchook",
            },
            {
                "start_time": "15:40",
                "end_time": "16:05",
                "title": "Sunflower Centres: police, protocols and the cost of services",
                "speakers": "Ahjung Lee",
            },
            {
                "start_time": "16:05",
                "end_time": "16:30",
                "title": (
                    "Police response to sexual and domestic violence: Kazakhstan's training course for police officers"
                ),
                "speakers": "Experts from Kazakhstan",
            },
            {
                "start_time": "16:30",
                "end_time": "16:50",
                "title": "Rehabilitation of survivors and suicide prevention in Uzbekistan",
                "speakers": "Participants from Uzbekistan",
            },
            {"start_time": "16:50", "end_time": "17:30", "title": "Discussion: multisectoral response", "speakers": ""},
        ],
        "outcomes": [
            "Participants agreed on the importance of a multisectoral response and of better interaction between law "
            "enforcement and state and non-state providers of services to survivors, covering legal protection, "
            "medical care and psycho-social rehabilitation.",
            "Key success factors named for the region included multisectoral response, standardised protocols and "
            "operating procedures, budgeting, and coordinated provision of an essential service package.",
        ],
        "follow_up_actions": [
            {
                "action": "Share the Kazakh police training course materials with interested countries in the region",
                "owner": "Spotlight regional programme and USPC",
            },
            {
                "action": "Compile the presentations into a meeting record",
                "owner": "UNDP Kyrgyzstan",
                "due": D(2021, 5, 31),
            },
        ],
        "materials": [{"document": "record-round-table-2021", "description": "Meeting record"}],
        "translations": {
            "ru": {
                "title": (
                    "Круглый стол «Профилактика гендерного насилия и реагирование на него: опыт стран Центральной "
                    "Азии и Южной Кореи»"
                ),
                "summary": (
                    "Международный круглый стол, на котором страны Центральной Азии и Корея сравнили свои подходы к "
                    "профилактике гендерного насилия и реагированию на него. Эксперты Казахстана представили курс "
                    "подготовки полицейских, адаптированный на основе корейской системы обучения полиции и "
                    "преподаваемый в учебных заведениях Министерства внутренних дел."
                ),
                "speakers": [
                    {"role": "Докладчик: региональная программа Инициативы «Spotlight»"},
                    {"role": "Докладчик: опыт Кореи"},
                ],
                "body": [
                    {
                        "heading": "Участники",
                        "paragraphs": [
                            "Круглый стол организовали региональная программа Инициативы «Spotlight» для Центральной "
                            "Азии и Афганистана и ПРООН в Кыргызстане совместно с национальной программой Инициативы "
                            "«Spotlight» в Кыргызстане и Сеульским центром политики ПРООН. В нём участвовали "
                            "представители полиции и системы уголовного правосудия, гражданского общества и агентств "
                            "ООН.",
                        ],
                    },
                    {
                        "heading": "Региональная программа",
                        "paragraphs": [
                            "Natalia Maqsimchook представила региональную программу «Альянсы за перемены», которая "
                            "поддерживает работу стран по искоренению насилия в отношении женщин и девочек: "
                            "устранение пробелов в законодательстве и политике, укрепление институтов и услуг, "
                            "продвижение гендерно-равноправных установок, сбор дезагрегированных данных и поддержку "
                            "женских движений.",
                        ],
                    },
                    {
                        "heading": "Опыт Кореи",
                        "paragraphs": [
                            "Ahjung Lee (USPC) пояснила, что средняя стоимость помощи одной пострадавшей мало о чём "
                            "говорит: центры «Подсолнух» работают с разными видами насилия, и в каждом случае нужны "
                            "разные специалисты. Она подчеркнула роль обученных женщин-полицейских, работающих в "
                            "центрах, а также хороших протоколов и подготовки полиции для допустимости показаний "
                            "пострадавших.",
                        ],
                    },
                    {
                        "heading": "Подготовка полиции в Казахстане",
                        "paragraphs": [
                            "Эксперты из Казахстана рассказали о формах и методах реагирования полиции на "
                            "сексуальное и бытовое насилие, адаптированных на основе южнокорейской системы "
                            "подготовки полицейских, и об учебном курсе для сотрудников полиции, внедрённом в "
                            "учебных заведениях Министерства внутренних дел Республики Казахстан.",
                        ],
                    },
                    {
                        "heading": "Узбекистан",
                        "paragraphs": [
                            "Участники из Узбекистана рассказали о работе по реабилитации и адаптации пострадавших от "
                            "насилия и по профилактике суицидов.",
                        ],
                    },
                ],
                "agenda": [
                    {"title": "Открытие", "speakers": "Инициатива «Spotlight», ПРООН в Кыргызстане, USPC"},
                    {"title": "Региональная программа Инициативы «Spotlight» для Центральной Азии и Афганистана"},
                    {"title": "Центры «Подсолнух»: полиция, протоколы и стоимость услуг"},
                    {
                        "title": "Реагирование полиции на сексуальное и бытовое насилие: курс подготовки полицейских "
                        "в Казахстане",
                        "speakers": "Эксперты из Казахстана",
                    },
                    {
                        "title": "Реабилитация пострадавших и профилактика суицидов в Узбекистане",
                        "speakers": "Участники из Узбекистана",
                    },
                    {"title": "Обсуждение: многосекторальное реагирование"},
                ],
                "outcomes": [
                    "Участники согласились, что важны многосекторальное реагирование и более тесное взаимодействие "
                    "правоохранительных органов с государственными и негосударственными поставщиками услуг для "
                    "пострадавших в сфере правовой защиты, медицинской помощи и психосоциальной реабилитации.",
                    "В числе ключевых факторов успеха для региона были названы многосекторальное реагирование, "
                    "стандартные протоколы и операционные процедуры, бюджетирование и скоординированное "
                    "предоставление пакета основных услуг.",
                ],
                "follow_up_actions": [
                    {
                        "action": "Поделиться материалами казахстанского курса подготовки полицейских с "
                        "заинтересованными странами региона",
                        "owner": "Региональная программа «Spotlight» и USPC",
                    },
                    {
                        "action": "Подготовить отчёт о круглом столе на основе презентаций",
                        "owner": "ПРООН в Кыргызстане",
                    },
                ],
            },
            "ko": {
                "title": "원탁회의: 젠더 기반 폭력의 예방과 대응 — 중앙아시아 국가들과 한국의 경험",
                "summary": (
                    "중앙아시아 국가들과 한국이 젠더 기반 폭력의 예방과 대응 방식을 비교한 국제 원탁회의입니다. "
                    "카자흐스탄 전문가들은 한국의 경찰 교육 체계를 바탕으로 마련되어 내무부 교육기관에서 운영 중인 "
                    "경찰관 교육 과정을 소개했습니다."
                ),
                "speakers": [{"role": "발표: 스포트라이트 지역 프로그램"}, {"role": "발표: 한국의 경험"}],
                "body": [
                    {
                        "heading": "참석자",
                        "paragraphs": [
                            "이 원탁회의는 중앙아시아·아프가니스탄 스포트라이트 이니셔티브 지역 프로그램과 UNDP "
                            "키르기스스탄 사무소가 키르기스스탄 스포트라이트 이니셔티브 국가 프로그램, UNDP "
                            "서울정책센터와 함께 주최했습니다. 경찰 등 형사사법 기관, 시민사회단체, 유엔 기구 "
                            "관계자들이 참석했습니다.",
                        ],
                    },
                    {
                        "heading": "지역 프로그램",
                        "paragraphs": [
                            "Natalia Maqsimchook은 여성과 여아에 대한 폭력을 근절하려는 각국의 활동을 지원하는 지역 "
                            "프로그램 '변화를 위한 연대(Alliances for Change)'를 소개했습니다. 이 프로그램은 법과 "
                            "정책의 공백 해소, 제도와 서비스 강화, 성평등한 인식 확산, 성별 분리 통계 생산, 여성 "
                            "운동 지원을 다룹니다.",
                        ],
                    },
                    {
                        "heading": "한국의 경험",
                        "paragraphs": [
                            "UNDP 서울정책센터의 Ahjung Lee는 해바라기센터가 다양한 유형의 폭력을 다루고 사례마다 "
                            "필요한 인력이 달라 피해자 한 명당 평균 지원 비용을 산출하기 어렵다고 설명했습니다. 또한 "
                            "센터에 상주하는 교육받은 여성 경찰관, 좋은 조사 지침, 경찰 교육이 피해자 진술의 "
                            "증거능력 확보에 중요하다고 강조했습니다.",
                        ],
                    },
                    {
                        "heading": "카자흐스탄의 경찰 교육",
                        "paragraphs": [
                            "카자흐스탄 전문가들은 한국의 경찰관 교육 체계를 바탕으로 도입한 성폭력·가정폭력 경찰 "
                            "대응의 형식과 방법, 그리고 카자흐스탄 내무부 교육기관에 도입된 경찰관 교육 과정을 "
                            "발표했습니다.",
                        ],
                    },
                    {
                        "heading": "우즈베키스탄",
                        "paragraphs": [
                            "우즈베키스탄 참석자들은 폭력 피해자의 재활과 사회 적응, 자살 예방을 위한 국가 차원의 "
                            "활동을 소개했습니다.",
                        ],
                    },
                ],
                "agenda": [
                    {"title": "개회", "speakers": "스포트라이트 이니셔티브, UNDP 키르기스스탄, UNDP 서울정책센터"},
                    {"title": "중앙아시아·아프가니스탄 스포트라이트 이니셔티브 지역 프로그램"},
                    {"title": "해바라기센터: 경찰, 조사 지침, 서비스 비용"},
                    {
                        "title": "성폭력·가정폭력에 대한 경찰 대응: 카자흐스탄 경찰관 교육 과정",
                        "speakers": "카자흐스탄 전문가",
                    },
                    {"title": "우즈베키스탄의 피해자 재활과 자살 예방", "speakers": "우즈베키스탄 참석자"},
                    {"title": "토론: 다부문 대응"},
                ],
                "outcomes": [
                    "참석자들은 다부문 대응, 그리고 법 집행 기관과 공공·민간 피해자 지원 기관 사이의 "
                    "긴밀한 협력이 법적 보호, 의료, 심리사회적 재활 전반에서 중요하다는 데 뜻을 "
                    "모았습니다.",
                    "지역의 핵심 성공 요인으로 다부문 대응, 표준화된 지침과 운영 절차, 예산 편성, 필수 서비스 패키지의 "
                    "조율된 제공이 꼽혔습니다.",
                ],
                "follow_up_actions": [
                    {
                        "action": "카자흐스탄 경찰 교육 과정 자료를 관심 있는 역내 국가와 공유",
                        "owner": "스포트라이트 지역 프로그램과 UNDP 서울정책센터",
                    },
                    {"action": "발표 자료를 바탕으로 회의 기록 작성", "owner": "UNDP 키르기스스탄"},
                ],
            },
        },
    },
    {
        "slug": "statement-of-intent-uspc-whrik-2024",
        "title": "Signing of the Statement of Intent between USPC and WHRIK",
        "event_type": "partnership-signing",
        "summary": (
            "UNDP Seoul Policy Centre and the Women's Human Rights Institute of Korea signed a Statement of Intent to "
            "share Korean policies, practices and tools against gender-based violence, with a particular focus on "
            "technology-facilitated gender-based violence."
        ),
        "start": DT(2024, 11, 12, 14, 0),
        "end": DT(2024, 11, 12, 16, 0),
        "time_zone": "Asia/Seoul",
        "city": "Seoul",
        "host_country": "KR",
        "organisers": ["uspc", "whrik"],
        "partners": ["acosav"],
        "countries": ["KR"],
        "themes": ["technology-facilitated-gbv", "capacity-building", "prevention", "survivor-centred-services"],
        "speakers": [
            {"person": "Anne Juepner", "role": "Congratulatory and closing remarks"},
            {"person": "Bora Shin", "role": "Remarks"},
            {"person": "Youngchan Kim", "role": "Discussion on the way forward"},
        ],
        "body": [
            {
                "heading": "Why this partnership",
                "paragraphs": [
                    "WHRIK, a public institution under the Ministry of Gender Equality and Family set up in 2009, "
                    "works to prevent violence against women and girls and to protect survivors. The Statement of "
                    "Intent commits both institutions to use Korean experience to help address gender-based "
                    "violence worldwide, including its fast-growing technology-facilitated forms.",
                ],
            },
            {
                "heading": "The ceremony",
                "paragraphs": [
                    "Anne Juepner, Director of USPC, praised Korea's systematic support for survivors of "
                    "technology-facilitated violence through ACOSAV and recalled the joint 16 Days of Activism "
                    "campaign of 2024. Bora Shin, President of WHRIK, spoke of the value of international cooperation "
                    "in helping survivors regain dignity and safety. Youngchan Kim, Governance & Gender Team Lead at "
                    "USPC, noted that criminal groups exploit gaps in digital infrastructure, making this a global "
                    "issue whatever a region's level of internet development.",
                ],
            },
        ],
        "agenda": [
            {"start_time": "14:00", "end_time": "14:10", "title": "Opening and signing of the Statement of Intent"},
            {"start_time": "14:10", "end_time": "14:25", "title": "Congratulatory remarks", "speakers": "Anne Juepner"},
            {"start_time": "14:25", "end_time": "14:40", "title": "Remarks", "speakers": "Bora Shin"},
            {
                "start_time": "14:40",
                "end_time": "15:45",
                "title": "Discussion on the way forward",
                "speakers": "Youngchan Kim",
            },
            {"start_time": "15:45", "end_time": "16:00", "title": "Closing remarks", "speakers": "Anne Juepner"},
        ],
        "outcomes": [
            "The Statement of Intent was signed. The two institutions will work together on:",
            [
                "protecting victims and survivors of gender-based violence;",
                "building the capacity of support service providers;",
                "public awareness campaigns on violence against women, girls and other marginalised communities.",
            ],
        ],
        "follow_up_actions": [
            {"action": "Plan joint activities on protecting victims and survivors", "owner": "USPC and WHRIK"},
            {
                "action": "Design capacity building for support service providers in partner countries",
                "owner": "USPC and WHRIK",
            },
            {
                "action": "Prepare joint awareness campaigns, building on the 16 Days of Activism",
                "owner": "USPC and WHRIK",
            },
        ],
        "materials": [{"document": "note-statement-of-intent-2024", "description": "Summary note"}],
    },
    {
        "slug": "webinar-budgeting-one-stop-services-2026",
        "title": "Webinar: budgeting for one-stop services",
        "event_type": "webinar",
        "summary": (
            "A planned webinar for partner ministries on costing and budgeting one-stop services for survivors, "
            "drawing on the funding partnership behind Korea's Sunflower Centres."
        ),
        "start": DT(2026, 12, 9, 16, 0),
        "end": DT(2026, 12, 9, 17, 30),
        "time_zone": "Asia/Seoul",
        "is_online": True,
        "online_platform": "Video conference",
        "organisers": ["uspc"],
        "countries": ["KR", "KG", "KZ", "AL"],
        "themes": ["funding", "one-stop-centres"],
        "body": [
            {
                "paragraphs": [
                    "Partner ministries often ask how much a one-stop centre costs. This session will look at how to "
                    "plan budgets by service rather than by average case, and how costs can be shared between "
                    "ministries, local governments, police and hospitals.",
                ],
            },
        ],
        "agenda": [
            {"start_time": "16:00", "end_time": "16:10", "title": "Welcome", "speakers": "UNDP Seoul Policy Centre"},
            {"start_time": "16:10", "end_time": "16:40", "title": "How the Sunflower Centres are funded"},
            {"start_time": "16:40", "end_time": "17:10", "title": "Planning a budget by service"},
            {"start_time": "17:10", "end_time": "17:30", "title": "Questions from partners"},
        ],
    },
    {
        "slug": "webinar-technology-facilitated-gbv-2027",
        "title": "Webinar: supporting survivors of technology-facilitated GBV",
        "event_type": "webinar",
        "summary": (
            "A planned webinar under the USPC-WHRIK partnership, introducing Korean support for survivors of online "
            "sexual abuse to service providers in partner countries."
        ),
        "start": DT(2027, 2, 24, 15, 0),
        "end": DT(2027, 2, 24, 17, 0),
        "time_zone": "Asia/Seoul",
        "is_online": True,
        "online_platform": "Video conference",
        "organisers": ["uspc", "whrik"],
        "partners": ["acosav"],
        "countries": ["KR", "ID", "KZ", "KG"],
        "themes": ["technology-facilitated-gbv", "capacity-building", "survivor-centred-services"],
        "body": [
            {
                "paragraphs": [
                    "The session will present how survivors of online sexual abuse are supported in Korea and invite "
                    "service providers from partner countries to discuss what they would need to offer similar "
                    "support.",
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "15:00",
                "end_time": "15:10",
                "title": "Welcome",
                "speakers": "UNDP Seoul Policy Centre, WHRIK",
            },
            {
                "start_time": "15:10",
                "end_time": "15:50",
                "title": "Supporting survivors of online sexual abuse in Korea",
            },
            {"start_time": "15:50", "end_time": "16:30", "title": "Partner countries: needs and priorities"},
            {"start_time": "16:30", "end_time": "17:00", "title": "Discussion and next steps"},
        ],
    },
    {
        "slug": "webinar-crisis-centre-standards-2027",
        "title": "Regional webinar: service standards for crisis centres in Central Asia",
        "event_type": "webinar",
        "summary": (
            "A planned regional webinar on minimum standards and monitoring for crisis centres and one-stop services "
            "in Central Asia, with Korean experience of managing a national network of centres."
        ),
        "start": DT(2027, 5, 19, 14, 0),
        "end": DT(2027, 5, 19, 16, 0),
        "time_zone": "Asia/Bishkek",
        "is_online": True,
        "online_platform": "Video conference",
        "organisers": ["uspc", "undp-kyrgyz-republic"],
        "countries": ["KG", "KZ", "TJ", "TM", "UZ", "KR"],
        "themes": ["data-and-monitoring", "one-stop-centres", "multisectoral-coordination"],
        "body": [
            {
                "paragraphs": [
                    "Participants will compare how their countries set and check standards for services to survivors, "
                    "and discuss a light monitoring system that protects survivors' privacy.",
                ],
            },
        ],
        "agenda": [
            {
                "start_time": "14:00",
                "end_time": "14:10",
                "title": "Welcome",
                "speakers": "UNDP Seoul Policy Centre, UNDP Kyrgyz Republic",
            },
            {
                "start_time": "14:10",
                "end_time": "14:45",
                "title": "Managing and monitoring a national network of centres",
            },
            {"start_time": "14:45", "end_time": "15:30", "title": "Country experiences"},
            {"start_time": "15:30", "end_time": "16:00", "title": "Discussion"},
        ],
    },
    {
        "slug": "internal-partner-coordination-call-2027",
        "title": "Internal: partner coordination call on the 2027 work plan",
        "restricted": True,
        "event_type": "technical-meeting",
        "summary": (
            "A coordination call, for partner officials only, to review the draft 2027 work plan of the partnership "
            "and agree who leads each activity."
        ),
        "start": DT(2027, 1, 20, 16, 0),
        "end": DT(2027, 1, 20, 17, 0),
        "time_zone": "Asia/Seoul",
        "is_online": True,
        "online_platform": "Video conference",
        "organisers": ["uspc"],
        "countries": ["KR", "KG", "KZ"],
        "themes": ["capacity-building"],
        "body": [{"callout": INTERNAL_NOTICE}],
        "agenda": [
            {"start_time": "16:00", "end_time": "16:30", "title": "Review of the draft work plan"},
            {"start_time": "16:30", "end_time": "17:00", "title": "Leads and timelines"},
        ],
    },
]

# --- Documents ------------------------------------------------------------------------------
# Generated as real PDFs. Brief PDFs are added by the loader from POLICY_BRIEFS.

DOCUMENTS = [
    {
        "key": "sunflower-centres-presentation",
        "title": "Sunflower Centres at a glance: presentation notes",
        "document_type": "presentation",
        "publication_date": D(2018, 3, 28),
        "description": (
            "Speaking notes on the main features of Korea's Sunflower Centres, prepared for partner webinars."
        ),
        "countries": ["KR", "AL"],
        "themes": ["one-stop-centres", "funding"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "What a Sunflower Centre is",
                "paragraphs": [
                    "A one-stop centre for survivors of gender-based violence, usually inside a hospital, offering "
                    "counselling, medical care, investigation and legal support in one place.",
                ],
            },
            {
                "heading": "Who runs and funds it",
                "paragraphs": [
                    "The centres are 100% government funded through a partnership of the Ministry of Gender Equality "
                    "and Family, local governments, the police and hospitals. As of April 2018 there were 38 centres.",
                ],
            },
            {
                "heading": "Points for discussion",
                "paragraphs": [
                    ["Institutional setting", "Funding", "Recruitment", "Coordination", "Community resources"]
                ],
            },
        ],
    },
    {
        "key": "record-webinar-albania-2018",
        "title": "Webinar record: DSP with Albania, 28 March 2018",
        "document_type": "proceedings",
        "publication_date": D(2018, 4, 5),
        "description": "Record of the second webinar of the DSP with Albania and the four priorities it identified.",
        "countries": ["AL", "KR"],
        "themes": ["one-stop-centres", "funding", "capacity-building", "data-and-monitoring"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Participants",
                "paragraphs": ["UNDP Seoul Policy Centre, UNDP Albania and stakeholders from Korea and Albania."],
            },
            {
                "heading": "Priorities identified",
                "paragraphs": [
                    [
                        "Sufficient and sustained funding for a one-stop centre.",
                        "Recruitment and adequate pay of highly trained professionals.",
                        "A reporting and management scheme for the multidisciplinary team.",
                        "Management and monitoring of centres across the country.",
                    ]
                ],
            },
            {
                "heading": "Next step",
                "paragraphs": ["Prepare the study mission to Seoul planned for 24 to 26 April 2018."],
            },
        ],
    },
    {
        "key": "programme-study-mission-2018",
        "title": "Study mission to Seoul, April 2018: programme note",
        "document_type": "proceedings",
        "publication_date": D(2018, 4, 16),
        "description": "Planned programme of the Albanian delegation's study mission to Seoul, 24 to 26 April 2018.",
        "countries": ["AL", "KR"],
        "themes": ["one-stop-centres", "medical-care", "police-response"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Purpose",
                "paragraphs": [
                    "To let the delegation see how Korea organises one-stop services for survivors and to discuss "
                    "which elements could fit the Albanian context.",
                ],
            },
            {
                "heading": "Programme",
                "paragraphs": [
                    [
                        "Day 1: briefing on the partnership; national policy and funding.",
                        "Day 2: visit to a hospital-based Sunflower Centre; police work in one-stop centres.",
                        "Day 3: workshop on priorities for Albania; wrap-up.",
                    ]
                ],
            },
        ],
    },
    {
        "key": "record-webinar-kyrgyzstan-2019",
        "title": "Webinar record: integrative support for GBV survivors in Kyrgyzstan, 29 January 2019",
        "document_type": "proceedings",
        "publication_date": D(2019, 2, 8),
        "description": "Record of the webinar that launched the DSP with Kyrgyzstan, with the agreed next steps.",
        "countries": ["KG", "KR"],
        "themes": ["one-stop-centres", "social-protection"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Presentations",
                "paragraphs": [
                    "USPC presented the management structure, operating processes and funding of the Sunflower "
                    "Centres. UNDP Kyrgyz Republic presented the strengths and difficulties of community-based crisis "
                    "centres.",
                ],
            },
            {
                "heading": "Position of the ministry",
                "paragraphs": [
                    "The Ministry of Labour and Social Development supported a unified, manualised intervention model "
                    "for crisis centres and offered help with implementation.",
                ],
            },
            {
                "heading": "Next steps",
                "paragraphs": [["A strategic workplan.", "A map of areas for knowledge and experience exchange."]],
            },
        ],
    },
    {
        "key": "summary-turkestan-2020",
        "title": "Summary note: Central Asian technical meeting, Turkestan, August 2020",
        "document_type": "proceedings",
        "publication_date": D(2020, 8, 31),
        "description": (
            "Summary of the two-day meeting on interagency response to gender-based violence in Central Asia."
        ),
        "countries": ["KZ", "KG", "TJ", "TM", "UZ"],
        "themes": ["multisectoral-coordination", "counselling"],
        "publisher": "UNFPA Kazakhstan",
        "sections": [
            {
                "heading": "Context",
                "paragraphs": [
                    "The meeting took place on 17 and 18 August 2020 under UNFPA's sub-regional project on preventing "
                    "and responding to gender-based violence in Central Asia, funded by the UK Government.",
                ],
            },
            {
                "heading": "Day 1",
                "paragraphs": [
                    "Review of the Turkestan region's interagency response and its Psycho-Social Support Services.",
                ],
            },
            {
                "heading": "Day 2",
                "paragraphs": [
                    "Country experiences, lessons learned and next steps from the five Central Asian countries."
                ],
            },
        ],
    },
    {
        "key": "record-round-table-2021",
        "title": "Meeting record: round table on prevention and response to GBV, 28 April 2021",
        "document_type": "proceedings",
        "publication_date": D(2021, 5, 31),
        "description": (
            "Record of the international round table of Central Asian countries and Korea, including Kazakhstan's "
            "police training course."
        ),
        "countries": ["KG", "KZ", "UZ", "KR"],
        "themes": ["police-response", "multisectoral-coordination"],
        "publisher": "UNDP Kyrgyzstan",
        "sections": [
            {
                "heading": "Presentations",
                "paragraphs": [
                    [
                        "The Spotlight Initiative regional programme for Central Asia and Afghanistan.",
                        "Sunflower Centres: police, protocols and the cost of services.",
                        "Kazakhstan's training course for police officers on sexual and domestic violence.",
                        "Rehabilitation of survivors and suicide prevention in Uzbekistan.",
                    ]
                ],
            },
            {
                "heading": "Conclusions",
                "paragraphs": [
                    "Participants stressed multisectoral response and closer interaction between law enforcement and "
                    "state and non-state service providers.",
                ],
            },
        ],
    },
    {
        "key": "note-statement-of-intent-2024",
        "title": "Statement of Intent between USPC and WHRIK: summary note",
        "document_type": "agreement",
        "publication_date": D(2024, 11, 13),
        "description": "Summary of the areas of cooperation in the Statement of Intent signed on 12 November 2024.",
        "countries": ["KR"],
        "themes": ["technology-facilitated-gbv", "capacity-building", "prevention"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Parties",
                "paragraphs": [
                    "UNDP Seoul Policy Centre (USPC) and the Women's Human Rights Institute of Korea (WHRIK)."
                ],
            },
            {
                "heading": "Areas of cooperation",
                "paragraphs": [
                    [
                        "Protecting victims and survivors of gender-based violence.",
                        "Capacity building for support service providers.",
                        (
                            "Public awareness campaigns on violence against women, girls and other marginalised "
                            "communities."
                        ),
                    ]
                ],
            },
        ],
    },
    {
        "key": "police-course-outline-kz",
        "title": "Police training course on sexual and domestic violence: course outline (Kazakhstan)",
        "document_type": "tool",
        "publication_date": D(2021, 5, 20),
        "description": "Outline of the course for police officers adapted from the Korean police training system.",
        "countries": ["KZ", "KR"],
        "themes": ["police-response", "capacity-building"],
        "publisher": "UNDP Kazakhstan",
        "sections": [
            {
                "heading": "Modules",
                "paragraphs": [
                    [
                        "Gender-based violence and its effects on survivors",
                        "First response and safety",
                        "Interviewing survivors",
                        "Evidence and cooperation with medical staff",
                        "Referral to support services",
                    ]
                ],
            },
            {
                "heading": "Use",
                "paragraphs": ["Taught in the educational institutions of the Ministry of Internal Affairs."],
            },
        ],
    },
    {
        "key": "template-intake-consent",
        "title": "Template: case intake and consent form",
        "document_type": "tool",
        "publication_date": D(2018, 11, 6),
        "description": (
            "Form for recording a survivor's first contact and her informed consent to services and information "
            "sharing."
        ),
        "countries": ["KR", "AL", "KG"],
        "themes": ["survivor-centred-services", "data-and-monitoring"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Part A: first contact",
                "paragraphs": [
                    ["Date and time", "How the survivor reached the centre", "Immediate safety and medical needs"]
                ],
            },
            {
                "heading": "Part B: consent",
                "paragraphs": [
                    [
                        "Consent to counselling",
                        "Consent to medical examination",
                        "Consent to share information with the police",
                        "Consent to share information with other services",
                    ]
                ],
            },
        ],
    },
    {
        "key": "template-monthly-report",
        "title": "Template: monthly service report for one-stop centres",
        "document_type": "tool",
        "publication_date": D(2022, 3, 15),
        "description": "Common monthly report for a network of centres, without personal data.",
        "countries": ["KR", "AL", "KZ"],
        "themes": ["data-and-monitoring"],
        "publisher": USPC_SOURCE,
        "sections": [
            {
                "heading": "Sections of the report",
                "paragraphs": [
                    [
                        "New and open cases by type of violence",
                        "Services provided",
                        "Staffing and vacancies",
                        "Referrals made and received",
                        "Issues for the ministry",
                    ]
                ],
            },
        ],
    },
    {
        "key": "internal-mapping-kyrgyzstan",
        "title": "Internal: draft mapping of knowledge-exchange areas with Kyrgyzstan",
        "collection": "partner",
        "document_type": "report",
        "publication_date": D(2019, 3, 15),
        "description": (
            "Draft for partner officials: areas proposed for knowledge and experience exchange with Kyrgyzstan."
        ),
        "countries": ["KG", "KR"],
        "themes": ["social-protection", "capacity-building"],
        "publisher": USPC_SOURCE,
        "sections": [
            {"paragraphs": [INTERNAL_NOTICE]},
            {
                "heading": "Proposed areas",
                "paragraphs": [
                    [
                        "Management and operation of crisis centres",
                        "Referral between crisis centres, police and health services",
                        "Training of crisis centre staff",
                        "Support for children and people with disabilities",
                    ]
                ],
            },
        ],
    },
]
