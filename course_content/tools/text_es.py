"""Las herramientas de trabajo en español."""

TOOLS = {
    "problem_tree": {
        "file": "puentes_arbol_de_problemas.docx",
        "title": "Árbol de problemas",
        "intro": [
            "Escriba el problema central en el medio, sus causas abajo y sus efectos arriba. Pregunte «¿por qué?» "
            "hasta llegar a causas sobre las que su municipio puede actuar, y respalde cada recuadro con un dato y "
            "su fuente. La fila de ejemplo muestra el nivel de detalle; reemplácela por la suya.",
            "Su árbol alimenta la sección «Problema y contexto» de la propuesta; las causas que decida atender "
            "se convierten en sus objetivos específicos (módulo 10).",
        ],
        "columns": ["Qué", "Evidencia (dato, fuente, año)", "¿Puede actuar el municipio? ¿Cómo?"],
        "levels": [
            {"name": "Efectos", "question": "¿Qué ocurre a causa del problema, a las personas recién llegadas y a "
             "la comunidad de acogida?", "blank_rows": 3,
             "example": ["Niñas y niños se atrasan y algunos empiezan a trabajar",
                         "Registros de la trabajadora social escolar, 2026",
                         "De forma indirecta: a través de las escuelas y los servicios sociales"]},
            {"name": "Problema central", "question": "Una frase: quiénes, dónde, cuántos, desde cuándo.",
             "blank_rows": 1,
             "example": ["Unos 300 niños y niñas en edad escolar de un barrio no van a la escuela",
                         "Encuesta casa por casa con la junta de vecinos, 2026", "Sí: es el foco del proyecto"]},
            {"name": "Causas directas", "question": "¿Por qué ocurre el problema?", "blank_rows": 3,
             "example": ["La escuela más cercana con cupos está a 5 km y no hay transporte",
                         "Secretaría de educación, cupos por escuela, 2026", "Sí: convenio de transporte escolar"]},
            {"name": "Causas de fondo", "question": "¿Por qué ocurren las causas directas?", "blank_rows": 3,
             "example": ["Las secretarías escolares piden documentos que la ley no exige",
                         "Quejas ante la defensoría, 2025-2026", "Sí: circular escrita y capacitación"]},
        ],
        "checks_title": "Antes de seguir",
        "checks": [
            "Cada recuadro tiene una sola idea, escrita como situación negativa y no como falta de una solución.",
            "Cada causa se apoya en datos o en lo que dijeron las personas afectadas.",
            "Marcó las causas sobre las que el municipio puede actuar y eligió dos o tres.",
            "Personas migrantes, refugiadas y vecinas revisaron el árbol antes de elegir.",
        ],
    },
    "logical_framework": {
        "file": "puentes_marco_logico.xlsx",
        "sheet": "Marco lógico",
        "title": "Matriz de marco lógico",
        "intro": "Una fila por nivel. Se lee de abajo hacia arriba: si se realizan las actividades, existen los "
                 "productos; si existen los productos y se cumplen los supuestos, se logra el propósito. Cada "
                 "indicador tiene línea de base, meta y fuente. Las celdas amarillas son un ejemplo: reemplácelas "
                 "por su proyecto.",
        "columns": ["Nivel", "Resumen", "Indicadores (línea de base → meta)", "Medios de verificación", "Supuestos"],
        "levels": [
            {"name": "Fin", "example": ["Niñas y niños de familias migrantes, refugiadas y de acogida del barrio "
                                        "terminan la escuela", "Tasa de finalización de secundaria baja: 61 % → 75 % "
                                        "en 3 años", "Estadísticas de la secretaría de educación",
                                        "Se mantienen las normas nacionales de matrícula"]},
            {"name": "Propósito", "example": ["Los niños y niñas sin escolarizar se matriculan y asisten con "
                                              "regularidad", "Matriculados: 0 → 250 de 300 en un año escolar; "
                                              "asistencia ≥ 85 %", "Registros escolares, cada mes",
                                              "Las familias permanecen en el municipio"]},
            {"name": "Productos", "example": ["Funciona el transporte escolar; las secretarías matriculan sin "
                                              "exigir documentos", "Rutas en servicio: 0 → 2; personal capacitado: "
                                              "0 → 12", "Contrato de transporte; listas de asistencia",
                                              "La empresa de transporte mantiene sus precios"]},
            {"name": "Actividades", "example": ["Firmar el convenio de transporte; emitir la circular de matrícula; "
                                                "capacitar a las secretarías; jornadas de matrícula casa por casa",
                                                "Presupuesto ejecutado según lo previsto (ver la planilla de "
                                                "presupuesto)", "Cuentas municipales",
                                                "El concejo aprueba el cofinanciamiento"]},
        ],
    },
    "budget": {
        "file": "puentes_presupuesto.xlsx",
        "sheet": "Presupuesto",
        "title": "Presupuesto del proyecto",
        "intro": "Escriba cada gasto en las celdas amarillas: la cantidad por el costo unitario da el total, y lo que "
                 "no pagan el premio ni los socios es el aporte municipal. Los totales, la parte del premio y los "
                 "totales por categoría son fórmulas: no escriba sobre ellas. Use la moneda de su propuesta y precios "
                 "locales.",
        "columns": ["Concepto", "Categoría", "Unidad", "Cantidad", "Costo unitario", "Total", "Paga el premio",
                    "Paga el municipio", "Pagan los socios"],
        "categories": ["Personal", "Servicios", "Equipos", "Materiales", "Viajes", "Comunicación", "Otros"],
        "category_error": "Elija una categoría de la lista.",
        "amount_error": "Escriba un número igual o mayor que cero.",
        "lines": [
            ["Mediadora intercultural (medio tiempo)", "Personal", "mes", 12, 900, 5400, 0],
            ["Ruta de transporte escolar", "Servicios", "mes", 10, 1500, 9000, 6000],
            ["Capacitación de secretarías escolares", "Servicios", "sesión", 4, 350, 1400, 0],
            ["Volantes informativos en dos idiomas", "Comunicación", "volante", 2000, 0.25, 0, 0],
        ],
        "total": "Total",
        "prize_share": "Parte que paga el premio",
        "by_category": "Total por categoría",
        "note": "La persona tutora y el jurado verifican que los costos unitarios correspondan a precios locales y que "
                "los aportes del municipio y de los socios estén comprometidos. Guarde las cotizaciones que usó.",
    },
    "referral_pathway": {
        "file": "puentes_ruta_de_derivacion.xlsx",
        "sheet": "Ruta de derivación",
        "title": "Ruta de derivación",
        "intro": "Para cada situación, anote por dónde llegan primero las personas, qué servicio se hace cargo, cómo "
                 "contactarlo y qué protege a la persona en el camino. Confirme cada contacto por teléfono antes de "
                 "imprimir la ruta y revísela cada seis meses. La primera fila muestra qué escribir.",
        "columns": ["Situación", "Puerta de entrada", "Servicio y oficina responsable", "Contacto y horario",
                    "Paso siguiente y quién acompaña", "Resguardos"],
        "hints": ["Centro de salud, escuela, ventanilla municipal, albergue, organización",
                  "Nombre del servicio y de la oficina", "Teléfono, dirección, horario de atención",
                  "Quién llama, quién acompaña, en qué plazo",
                  "Consentimiento, confidencialidad, intérprete; la situación migratoria nunca es requisito"],
        "situations": [
            "Sobreviviente de violencia basada en género",
            "Niña, niño o adolescente no acompañado o separado",
            "Persona que teme volver a su país (puede necesitar protección internacional)",
            "Emergencia médica o embarazo",
            "Persona sin documentos que necesita regularizar su situación",
            "Posible víctima de trata de personas",
            "Persona mayor o con discapacidad que está sola",
        ],
    },
    "contingency_plan": {
        "file": "puentes_plan_de_contingencia.docx",
        "title": "Plan de contingencia ante llegadas repentinas",
        "intro": [
            "Un plan acordado de antemano permite al municipio proteger vidas en los primeros días de una llegada "
            "repentina y pedir apoyo a tiempo. Complételo con la mesa de coordinación, póngalo a prueba una vez al "
            "año y revíselo después de cada activación.",
        ],
        "sections": [
            {"name": "Escenarios y activación", "guidance": "Qué situaciones activan el plan y quién lo decide.",
             "columns": ["Escenario", "Criterio de activación (qué y cuántos)", "Quién activa el plan"],
             "rows": [["Muchas personas llegan a pie con frío intenso", "Más de 100 llegadas por día durante dos días",
                       "El alcalde o la alcaldesa, a propuesta del punto focal"]]},
            {"name": "Punto focal y mesa de coordinación", "guidance": "Una persona a cargo y cada organización de "
             "la mesa, con un contacto disponible las 24 horas.",
             "columns": ["Organización", "Papel en la respuesta", "Contacto (24 horas)"], "blank_rows": 6},
            {"name": "Lugares e insumos", "guidance": "Albergues acordados de antemano y las reservas que mantiene.",
             "columns": ["Lugar o insumo", "Capacidad o cantidad", "Dónde está", "Quién tiene la llave o la reserva"]},
            {"name": "Transporte y derivación", "guidance": "Acuerdos de transporte y la ruta de derivación para "
             "niñas y niños, sobrevivientes de violencia y personas que pueden necesitar asilo."},
            {"name": "Información en los idiomas de las personas", "guidance": "Qué necesitan saber las personas "
             "recién llegadas, en qué idiomas, por qué canales y quién traduce."},
            {"name": "La comunidad de acogida", "guidance": "Cómo se informa y se involucra a los vecinos, y cómo "
             "el municipio compensa el uso de sus bienes y compra en el comercio local."},
            {"name": "Datos y costos", "guidance": "Qué se registra, cómo se protegen los datos personales y cómo se "
             "documentan necesidades y costos para pedir apoyo nacional."},
            {"name": "Revisión", "guidance": "Cuándo se pone a prueba y se revisa el plan, y qué cambió la última vez.",
             "columns": ["Fecha", "Qué pasó", "Qué cambiamos"]},
        ],
    },
}
