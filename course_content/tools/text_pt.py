"""As ferramentas de trabalho em português."""

TOOLS = {
    "problem_tree": {
        "file": "pontes_arvore_de_problemas.docx",
        "title": "Árvore de problemas",
        "intro": [
            "Escreva o problema central no meio, as causas embaixo e os efeitos em cima. Pergunte «por quê?» até "
            "chegar a causas sobre as quais a prefeitura pode agir, e sustente cada quadro com um dado e a sua "
            "fonte. A linha de exemplo mostra o nível de detalhe; substitua-a pela sua.",
            "A árvore alimenta a seção «Problema e contexto» da proposta; as causas que a equipe decidir enfrentar "
            "viram os objetivos específicos (Módulo 10).",
        ],
        "columns": ["O quê", "Evidência (dado, fonte, ano)", "A prefeitura pode agir? Como?"],
        "levels": [
            {"name": "Efeitos", "question": "O que acontece por causa do problema, com quem chegou e com a comunidade "
             "de acolhida?", "blank_rows": 3,
             "example": ["Crianças ficam para trás e algumas começam a trabalhar",
                         "Registros da assistente social da escola, 2026",
                         "Indiretamente: pelas escolas e pela assistência social"]},
            {"name": "Problema central", "question": "Uma frase: quem, onde, quantos, desde quando.",
             "blank_rows": 1,
             "example": ["Cerca de 300 crianças em idade escolar de um bairro estão fora da escola",
                         "Levantamento de porta em porta com a associação de moradores, 2026",
                         "Sim: é o foco do projeto"]},
            {"name": "Causas diretas", "question": "Por que o problema acontece?", "blank_rows": 3,
             "example": ["A escola mais próxima com vagas fica a 5 km e não há transporte",
                         "Secretaria de educação, vagas por escola, 2026", "Sim: convênio de transporte escolar"]},
            {"name": "Causas de fundo", "question": "Por que as causas diretas acontecem?", "blank_rows": 3,
             "example": ["As secretarias das escolas pedem documentos que a lei não exige",
                         "Denúncias à defensoria, 2025-2026", "Sim: orientação por escrito e capacitação"]},
        ],
        "checks_title": "Antes de seguir",
        "checks": [
            "Cada quadro tem uma só ideia, escrita como situação negativa e não como falta de uma solução.",
            "Cada causa se apoia em dados ou no que as pessoas afetadas disseram.",
            "A equipe marcou as causas sobre as quais a prefeitura pode agir e escolheu duas ou três.",
            "Migrantes, refugiados e moradores olharam a árvore antes da escolha.",
        ],
    },
    "logical_framework": {
        "file": "pontes_marco_logico.xlsx",
        "sheet": "Marco lógico",
        "title": "Matriz do marco lógico",
        "intro": "Uma linha por nível. A leitura é de baixo para cima: se as atividades acontecem, os produtos "
                 "existem; se os produtos existem e os pressupostos se confirmam, o propósito é alcançado. Todo "
                 "indicador tem linha de base, meta e fonte. As células amarelas são um exemplo: substitua-as pelo "
                 "seu projeto.",
        "columns": ["Nível", "Resumo", "Indicadores (linha de base → meta)", "Meios de verificação", "Pressupostos"],
        "levels": [
            {"name": "Objetivo geral", "example": ["Crianças de famílias migrantes, refugiadas e da comunidade de "
                                                   "acolhida do bairro concluem a escola",
                                                   "Taxa de conclusão do ensino fundamental: 61% → 75% em 3 anos",
                                                   "Estatísticas da secretaria de educação",
                                                   "As regras nacionais de matrícula continuam em vigor"]},
            {"name": "Propósito", "example": ["As crianças fora da escola são matriculadas e frequentam as aulas",
                                              "Matriculadas: 0 → 250 de 300 em um ano letivo; frequência ≥ 85%",
                                              "Registros escolares, todo mês", "As famílias continuam no município"]},
            {"name": "Produtos", "example": ["O transporte escolar funciona; as secretarias matriculam sem exigir "
                                             "documentos", "Rotas em funcionamento: 0 → 2; servidores capacitados: "
                                             "0 → 12", "Contrato de transporte; listas de presença",
                                             "A empresa de transporte mantém os preços"]},
            {"name": "Atividades", "example": ["Assinar o convênio de transporte; publicar a orientação de matrícula; "
                                               "capacitar as secretarias; mutirões de matrícula de porta em porta",
                                               "Orçamento executado como previsto (ver a planilha de orçamento)",
                                               "Contas da prefeitura", "A câmara aprova o cofinanciamento"]},
        ],
    },
    "budget": {
        "file": "pontes_orcamento.xlsx",
        "sheet": "Orçamento",
        "title": "Orçamento do projeto",
        "intro": "Digite cada custo nas células amarelas: a quantidade vezes o custo unitário dá o total, e o que o "
                 "prêmio e os parceiros não pagam é a contrapartida da prefeitura. Os totais, a parte do prêmio e os "
                 "totais por categoria são fórmulas: não digite por cima. Use a moeda da proposta e preços locais.",
        "columns": ["Item", "Categoria", "Unidade", "Quantidade", "Custo unitário", "Total", "Pago pelo prêmio",
                    "Pago pela prefeitura", "Pago pelos parceiros"],
        "categories": ["Pessoal", "Serviços", "Equipamentos", "Materiais", "Viagens", "Comunicação", "Outros"],
        "category_error": "Escolha uma categoria da lista.",
        "amount_error": "Digite um número igual ou maior que zero.",
        "lines": [
            ["Mediadora intercultural (meio período)", "Pessoal", "mês", 12, 900, 5400, 0],
            ["Rota de transporte escolar", "Serviços", "mês", 10, 1500, 9000, 6000],
            ["Capacitação das secretarias escolares", "Serviços", "oficina", 4, 350, 1400, 0],
            ["Folhetos informativos em duas línguas", "Comunicação", "folheto", 2000, 0.25, 0, 0],
        ],
        "total": "Total",
        "prize_share": "Parte paga pelo prêmio",
        "by_category": "Total por categoria",
        "note": "A tutoria e o júri verificam se os custos unitários correspondem aos preços locais e se as "
                "contrapartidas da prefeitura e dos parceiros estão garantidas. Guarde os orçamentos que usou.",
    },
    "referral_pathway": {
        "file": "pontes_fluxo_de_encaminhamento.xlsx",
        "sheet": "Fluxo de encaminhamento",
        "title": "Fluxo de encaminhamento",
        "intro": "Para cada situação, anote por onde as pessoas chegam primeiro, qual serviço assume o caso, como "
                 "contatá-lo e o que protege a pessoa no caminho. Confirme cada contato por telefone antes de imprimir "
                 "o fluxo e revise-o a cada seis meses. A primeira linha mostra o que escrever.",
        "columns": ["Situação", "Porta de entrada", "Serviço e setor responsável", "Contato e horário",
                    "Próximo passo e quem acompanha", "Salvaguardas"],
        "hints": ["UBS, escola, CRAS, abrigo, organização da sociedade civil", "Nome do serviço e do setor",
                  "Telefone, endereço, horário de atendimento", "Quem liga, quem acompanha, em quanto tempo",
                  "Consentimento, sigilo, intérprete; a situação migratória nunca é condição"],
        "situations": [
            "Sobrevivente de violência baseada em gênero",
            "Criança ou adolescente desacompanhado ou separado",
            "Pessoa que teme voltar ao seu país (pode precisar de proteção internacional)",
            "Emergência médica ou gravidez",
            "Pessoa sem documentos que precisa regularizar sua situação",
            "Possível vítima de tráfico de pessoas",
            "Pessoa idosa ou com deficiência sozinha",
        ],
    },
    "contingency_plan": {
        "file": "pontes_plano_de_contingencia.docx",
        "title": "Plano de contingência para chegadas repentinas",
        "intro": [
            "Um plano combinado com antecedência permite à prefeitura proteger vidas nos primeiros dias de uma "
            "chegada repentina e pedir apoio a tempo. Preencha-o com a mesa de coordenação, teste-o uma vez por ano "
            "e revise-o depois de cada ativação.",
        ],
        "sections": [
            {"name": "Cenários e ativação", "guidance": "Quais situações ativam o plano e quem decide.",
             "columns": ["Cenário", "Critério de ativação (o quê e quantos)", "Quem ativa o plano"],
             "rows": [["Muitas pessoas chegando a pé com frio intenso", "Mais de 100 chegadas por dia durante dois "
                       "dias", "O prefeito ou a prefeita, por indicação do ponto focal"]]},
            {"name": "Ponto focal e mesa de coordenação", "guidance": "Uma pessoa responsável e cada organização da "
             "mesa, com um contato disponível 24 horas.",
             "columns": ["Organização", "Papel na resposta", "Contato (24 horas)"], "blank_rows": 6},
            {"name": "Locais e suprimentos", "guidance": "Abrigos combinados com antecedência e os estoques mantidos.",
             "columns": ["Local ou item", "Capacidade ou quantidade", "Onde fica", "Quem tem a chave ou o estoque"]},
            {"name": "Transporte e encaminhamento", "guidance": "Acordos de transporte e o fluxo de encaminhamento "
             "para crianças, sobreviventes de violência e pessoas que podem precisar de refúgio."},
            {"name": "Informação nas línguas das pessoas", "guidance": "O que quem chega precisa saber, em quais "
             "línguas, por quais canais e quem traduz."},
            {"name": "A comunidade de acolhida", "guidance": "Como os moradores são informados e envolvidos, e como "
             "a prefeitura compensa o uso dos seus bens e compra no comércio local."},
            {"name": "Dados e custos", "guidance": "O que é registrado, como os dados pessoais são protegidos e como "
             "necessidades e custos são documentados para pedir apoio nacional."},
            {"name": "Revisão", "guidance": "Quando o plano é testado e revisado, e o que mudou da última vez.",
             "columns": ["Data", "O que aconteceu", "O que mudamos"]},
        ],
    },
}
