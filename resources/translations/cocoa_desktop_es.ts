<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>background</name>
    <message>
        <location filename="../../cocoa_desktop/gui/background.py" line="52"/>
        <source>Unexpected error (%1): nothing was changed.</source>
        <translation>Error inesperado (%1): no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>campaign</name>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="53"/>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="53"/>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="118"/>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="26"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="54"/>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="54"/>
        <source>Partners</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="55"/>
        <source>Husk, % of gross</source>
        <translation>Cáscara, % del bruto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="55"/>
        <source>Net (t CO2e/yr)</source>
        <translation>Neto (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="56"/>
        <source>Net (kg CO2e/kg)</source>
        <translation>Neto (kg CO2e/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="56"/>
        <source>90 % of cases</source>
        <translation>9 de cada 10 casos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="57"/>
        <source>Report (kg/kg)</source>
        <translation>Informe (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="57"/>
        <source>Yield (kg/ha)</source>
        <translation>Rendimiento (kg/ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="58"/>
        <source>ha per partner</source>
        <translation>ha por socio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="58"/>
        <source>Net, % of gross</source>
        <translation>Neto, % del bruto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="59"/>
        <source>Avoid and reduce</source>
        <translation>Evitar y reducir</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="59"/>
        <source>Compensation</source>
        <translation>Compensación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="60"/>
        <source>From the sample (t CO2e/yr)</source>
        <translation>Desde la muestra (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="76"/>
        <source>TRAINING DATA — these are the ten cooperatives of 2020, for workshops; they can be reset to the original.</source>
        <translation>DATOS DE FORMACIÓN — son las diez cooperativas de 2020, para talleres; se pueden restablecer al original.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="109"/>
        <source>Region&apos;s cocoa area (ha):</source>
        <translation>Área de cacao de la región (ha):</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="27"/>
        <source>Before (kg/kg)</source>
        <translation>Antes (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="28"/>
        <source>Now (kg/kg)</source>
        <translation>Ahora (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="29"/>
        <source>What changed and why</source>
        <translation>Qué cambió y por qué</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="36"/>
        <source>Compare with the campaign:</source>
        <translation>Comparar con la campaña:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="120"/>
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="121"/>
        <source>Share of net emissions</source>
        <translation>Parte de las emisiones netas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="122"/>
        <source>Stages of each cooperative</source>
        <translation>Etapas de cada cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="127"/>
        <source>Year over year</source>
        <translation>Año tras año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="154"/>
        <source>TRAINING DATA</source>
        <translation>DATOS DE FORMACIÓN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="156"/>
        <source>(%1 incomplete surveys left out)</source>
        <translation>(%1 encuestas incompletas no se cuentan)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="158"/>
        <source>GWP</source>
        <translation>PCG</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="217"/>
        <source>Total (sum of the cooperatives)</source>
        <translation>Total (suma de las cooperativas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="244"/>
        <source>%1 farms</source>
        <translation>%1 fincas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="258"/>
        <source>This campaign has no complete survey yet.</source>
        <translation>Esta campaña aún no tiene ninguna encuesta completa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="266"/>
        <source>A region is scaled up from two cooperatives or more.</source>
        <translation>Una región se extrapola desde dos cooperativas o más.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="275"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="280"/>
        <source>Net kg CO2e per kg of cocoa</source>
        <translation>kg CO2e netos por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="283"/>
        <source>Stages, % of each cooperative&apos;s gross emissions</source>
        <translation>Etapas, % de las emisiones brutas de cada cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="296"/>
        <source>% of the net emissions of the cooperatives that emit</source>
        <translation>% de las emisiones netas de las cooperativas que emiten</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign_view.py" line="300"/>
        <source>Left out, net sinks: %1</source>
        <translation>Fuera, por ser sumideros netos: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/year_over_year_tab.py" line="44"/>
        <source>(choose a campaign)</source>
        <translation>(elija una campaña)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="50"/>
        <source>Cooperative surveyed by a sample of farms</source>
        <translation>Cooperativa encuestada con una muestra de fincas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="56"/>
        <source>Extrapolate</source>
        <translation>Extrapolar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="65"/>
        <source>Partners of the cooperative</source>
        <translation>Socios de la cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="69"/>
        <source>Its total dry cocoa (kg/yr, from its records)</source>
        <translation>Su cacao seco total (kg/año, de sus registros)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="99"/>
        <source>What weighs most in the uncertainty:</source>
        <translation>Lo que más pesa en la incertidumbre:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="100"/>
        <source>Computing the 90 % interval…</source>
        <translation>Calculando el intervalo del 90 %…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="101"/>
        <source>Recommendations (avoid, reduce, restore, compensate)</source>
        <translation>Recomendaciones (evitar, reducir, restaurar, compensar)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="102"/>
        <source>Nothing to recommend from these data.</source>
        <translation>Nada que recomendar con estos datos.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="103"/>
        <source>The report (§7):</source>
        <translation>El informe (§7):</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="142"/>
        <source>Type the cooperative&apos;s partners and its total dry cocoa.</source>
        <translation>Escriba los socios de la cooperativa y su cacao seco total.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/cooperative_detail.py" line="153"/>
        <source>For ±10 % about %1 farms would be needed (%2 surveyed).</source>
        <translation>Para ±10 % harían falta unas %1 fincas (se encuestaron %2).</translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="36"/>
        <source>Whole cooperative</source>
        <translation>Toda la cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="36"/>
        <source>One farm</source>
        <translation>Una finca</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="37"/>
        <source>Region (several cooperatives as one)</source>
        <translation>Región (varias cooperativas juntas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="38"/>
        <source>Agroforestry, timber shade</source>
        <translation>Agroforestal, sombra maderable</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="39"/>
        <source>Agroforestry, fruit shade</source>
        <translation>Agroforestal, sombra frutal</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="40"/>
        <source>Monoculture</source>
        <translation>Monocultivo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="42"/>
        <source>Guano de isla</source>
        <translation>Guano de isla</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="42"/>
        <source>Own compost</source>
        <translation>Compost propio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="43"/>
        <source>Bought compost</source>
        <translation>Compost comprado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="43"/>
        <source>Biol</source>
        <translation>Biol</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="44"/>
        <source>Manure</source>
        <translation>Estiércol</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="44"/>
        <source>Urea</source>
        <translation>Urea</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="44"/>
        <source>NPK</source>
        <translation>NPK</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="45"/>
        <source>Foliar fertiliser</source>
        <translation>Abono foliar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="45"/>
        <source>Agricultural lime</source>
        <translation>Cal agrícola</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="46"/>
        <source>Dolomite</source>
        <translation>Dolomita</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="47"/>
        <source>Herbicide</source>
        <translation>Herbicida</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="47"/>
        <source>Insecticide</source>
        <translation>Insecticida</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="48"/>
        <source>Fungicide</source>
        <translation>Fungicida</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="49"/>
        <source>Gasoline (litres)</source>
        <translation>Gasolina (litros)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="49"/>
        <source>Diesel (litres)</source>
        <translation>Diésel (litros)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="50"/>
        <source>LPG (kg)</source>
        <translation>GLP (kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="50"/>
        <source>Firewood (kg)</source>
        <translation>Leña (kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="51"/>
        <source>Wooden boxes</source>
        <translation>Cajones de madera</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="51"/>
        <source>Sacks</source>
        <translation>Sacos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="52"/>
        <source>Heap</source>
        <translation>Montón</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="53"/>
        <source>Jute sack</source>
        <translation>Saco de yute</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="53"/>
        <source>Polypropylene sack</source>
        <translation>Saco de polipropileno</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="54"/>
        <source>Plastic bag</source>
        <translation>Bolsa plástica</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="54"/>
        <source>Big bag</source>
        <translation>Big bag</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="55"/>
        <source>Pack animal</source>
        <translation>Acémila</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="55"/>
        <source>Motorcycle</source>
        <translation>Moto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="56"/>
        <source>Pickup</source>
        <translation>Camioneta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="56"/>
        <source>Light truck</source>
        <translation>Camión ligero</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="57"/>
        <source>Rigid truck</source>
        <translation>Camión</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="58"/>
        <source>Articulated truck</source>
        <translation>Tráiler</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="59"/>
        <source>miles</source>
        <translation>millas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="60"/>
        <source>Primary forest</source>
        <translation>Bosque primario</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="61"/>
        <source>Secondary forest</source>
        <translation>Bosque secundario</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="62"/>
        <source>Pasture</source>
        <translation>Pasto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="62"/>
        <source>Annual crops</source>
        <translation>Cultivos anuales</translation>
    </message>
</context>
<context>
    <name>decisions</name>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_menu.py" line="16"/>
        <source>Campaign view and scenarios…</source>
        <translation>Vista de campaña y escenarios…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_menu.py" line="19"/>
        <source>Install the training campaign (10 cooperatives, 2020)</source>
        <translation>Instalar la campaña de formación (10 cooperativas, 2020)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_menu.py" line="21"/>
        <source>Reset the training campaign…</source>
        <translation>Restablecer la campaña de formación…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_menu.py" line="27"/>
        <source>Campaign view</source>
        <translation>Vista de campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_menu.py" line="28"/>
        <source>Select a campaign first.</source>
        <translation>Seleccione primero una campaña.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_window.py" line="18"/>
        <source>Campaign and scenarios — %1</source>
        <translation>Campaña y escenarios — %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_window.py" line="22"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions_window.py" line="23"/>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
</context>
<context>
    <name>economics</name>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="45"/>
        <source>Years after year 0</source>
        <translation>Años después del año 0</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="46"/>
        <source>Discount rate</source>
        <translation>Tasa de descuento</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="47"/>
        <source>Cocoa area</source>
        <translation>Área de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="48"/>
        <source>Dry cocoa yield</source>
        <translation>Rendimiento de cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="49"/>
        <source>Losses and self-consumption</source>
        <translation>Pérdidas y autoconsumo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="50"/>
        <source>Dry cocoa price</source>
        <translation>Precio del cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="51"/>
        <source>Production cost</source>
        <translation>Costo de producción</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="52"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="54"/>
        <source>Carbon price</source>
        <translation>Precio del carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="55"/>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="56"/>
        <source>Registry fee per credit</source>
        <translation>Tarifa del registro por crédito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="58"/>
        <source>Farmers&apos; share of carbon income</source>
        <translation>Parte de los productores en el ingreso por carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="85"/>
        <source>Load the APROCAM 2024 example</source>
        <translation>Cargar el ejemplo APROCAM 2024</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="86"/>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="214"/>
        <source>Open project…</source>
        <translation>Abrir proyecto…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="87"/>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="224"/>
        <source>Save project as…</source>
        <translation>Guardar proyecto como…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="88"/>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="242"/>
        <source>Export to Excel…</source>
        <translation>Exportar a Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="111"/>
        <source>Cash flow</source>
        <translation>Flujo de caja</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="119"/>
        <source>Calculate</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="127"/>
        <source>NPV (year 0 not discounted)</source>
        <translation>VAN (año 0 sin descontar)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="128"/>
        <source>NPV, spreadsheet convention (also discounts year 0)</source>
        <translation>VAN, convención de hoja de cálculo (descuenta también el año 0)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="129"/>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="333"/>
        <source>IRR</source>
        <translation>TIR</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="130"/>
        <source>B/C (PV gross benefits ÷ PV gross costs)</source>
        <translation>B/C (VA beneficios brutos ÷ VA costos brutos)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="131"/>
        <source>Payback year (cumulative flow ≥ 0)</source>
        <translation>Año de recuperación (flujo acumulado ≥ 0)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="132"/>
        <source>Farm break-even yield (no carbon)</source>
        <translation>Rendimiento de equilibrio de la finca (sin carbono)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="160"/>
        <source>Cash flow by year (PEN)</source>
        <translation>Flujo de caja por año (PEN)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="161"/>
        <source>Sensitivity (variables and steps of the paper’s Table 11)</source>
        <translation>Sensibilidad (variables y pasos de la Tabla 11 del artículo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="204"/>
        <source>Enter a value for “%1”.</source>
        <translation>Indique un valor para «%1».</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="285"/>
        <source>%1 kg/ha (yield %2; literature %3)</source>
        <translation>%1 kg/ha (rendimiento %2; literatura %3)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="296"/>
        <source>none: the NPV stays positive even at %1</source>
        <translation>no existe: el VAN sigue positivo incluso con %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="301"/>
        <source>Break-even (NPV = 0, IRR = discount rate)</source>
        <translation>Punto de equilibrio (VAN = 0, TIR = tasa de descuento)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="304"/>
        <source>Where the published source contradicts itself</source>
        <translation>Dónde se contradice la fuente publicada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="313"/>
        <source>Net flow</source>
        <translation>Flujo neto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="313"/>
        <source>Cumulative</source>
        <translation>Acumulado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="315"/>
        <source>Credits (t CO2)</source>
        <translation>Créditos (t CO2)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="317"/>
        <source>Farmers&apos; share</source>
        <translation>Parte de los productores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="321"/>
        <source>Year %1</source>
        <translation>Año %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="331"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="331"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="332"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="332"/>
        <source>NPV</source>
        <translation>VAN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="333"/>
        <source>NPV (spreadsheet)</source>
        <translation>VAN (hoja de cálculo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="353"/>
        <source>Cash flow by year</source>
        <translation>Flujo de caja por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="354"/>
        <source>Gross benefits</source>
        <translation>Beneficios brutos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="354"/>
        <source>Gross costs</source>
        <translation>Costos brutos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="355"/>
        <source>Cumulative net flow</source>
        <translation>Flujo neto acumulado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="355"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="356"/>
        <source>thousand PEN</source>
        <translation>miles de PEN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="358"/>
        <source>NPV (thousand PEN) with each variable 20 % lower (red) and higher (green)</source>
        <translation>VAN (miles de PEN) con cada variable 20 % menor (rojo) y mayor (verde)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="373"/>
        <source>Carbon credits and sampling plan</source>
        <translation>Créditos de carbono y plan de muestreo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="376"/>
        <source>Carbon-credit project</source>
        <translation>Proyecto de créditos de carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/economics_window.py" line="377"/>
        <source>Survey sampling plan</source>
        <translation>Plan de muestreo de la encuesta</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="67"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="69"/>
        <source>Survey covers</source>
        <translation>La encuesta abarca</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="71"/>
        <source>Farm (if one farm)</source>
        <translation>Finca (si es una sola)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="72"/>
        <source>Campaign year</source>
        <translation>Año de la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="74"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="75"/>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="76"/>
        <source>Producers (partners)</source>
        <translation>Productores (socios)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="80"/>
        <source>Productive area</source>
        <translation>Área productiva</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="82"/>
        <source>Dry cocoa delivered</source>
        <translation>Cacao seco entregado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="85"/>
        <source>Wet cocoa bought</source>
        <translation>Cacao en baba comprado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="86"/>
        <source>Wet → dry ratio</source>
        <translation>Relación baba → seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="88"/>
        <source>Cocoa trees per hectare</source>
        <translation>Plantas de cacao por hectárea</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="89"/>
        <source>Shade trees per hectare</source>
        <translation>Árboles de sombra por hectárea</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="91"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="92"/>
        <source>Age (years)</source>
        <translation>Edad (años)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="93"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="173"/>
        <source>Hectares</source>
        <translation>Hectáreas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="97"/>
        <source>Left scattered on the soil</source>
        <translation>Dejada esparcida en el suelo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="98"/>
        <source>Heaped</source>
        <translation>Amontonada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="99"/>
        <source>Composted</source>
        <translation>Compostada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="100"/>
        <source>Burned</source>
        <translation>Quemada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="101"/>
        <source>Fed to animals</source>
        <translation>Alimento para animales</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="102"/>
        <source>Biodigester</source>
        <translation>Biodigestor</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="103"/>
        <source>Other</source>
        <translation>Otro destino</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="104"/>
        <source>Composting method</source>
        <translation>Método de compostaje</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="105"/>
        <source>Husk per kg of dry cocoa (optional)</source>
        <translation>Cáscara por kg de cacao seco (opcional)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="110"/>
        <source>Fertiliser data was collected</source>
        <translation>Se recogieron datos de abonamiento</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="115"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="123"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="149"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="116"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="117"/>
        <source>kg per year</source>
        <translation>kg por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="118"/>
        <source>or kg per ha</source>
        <translation>o kg por ha</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="119"/>
        <source>× hectares</source>
        <translation>× hectáreas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="120"/>
        <source>Nitrogen</source>
        <translation>Nitrógeno</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="124"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="125"/>
        <source>Active ingredient (kg/yr)</source>
        <translation>Ingrediente activo (kg/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="128"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="144"/>
        <source>Fuel</source>
        <translation>Combustible</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="129"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="145"/>
        <source>Amount per year</source>
        <translation>Cantidad por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="133"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="134"/>
        <source>Share of the cocoa fermented</source>
        <translation>Parte del cacao que se fermenta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="135"/>
        <source>Share fermented on the farm</source>
        <translation>Parte fermentada en la finca</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="138"/>
        <source>Sun, on tarps</source>
        <translation>Sol, sobre mantas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="139"/>
        <source>Sun, on concrete</source>
        <translation>Sol, sobre losa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="140"/>
        <source>Solar dryer</source>
        <translation>Secador solar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="141"/>
        <source>Mechanical dryer</source>
        <translation>Secadora mecánica</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="142"/>
        <source>Electricity for drying</source>
        <translation>Electricidad para el secado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="150"/>
        <source>Bags per year</source>
        <translation>Envases por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="151"/>
        <source>kg per bag</source>
        <translation>kg por envase</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="152"/>
        <source>or total kg of bags</source>
        <translation>o kg totales de envases</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="153"/>
        <source>Uses per bag</source>
        <translation>Usos por envase</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="158"/>
        <source>Leg</source>
        <translation>Tramo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="159"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="160"/>
        <source>Trips per year</source>
        <translation>Viajes por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="161"/>
        <source>Distance (one way)</source>
        <translation>Distancia (solo ida)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="162"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="163"/>
        <source>Litres per year (if known)</source>
        <translation>Litros por año (si se sabe)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="168"/>
        <source>Shade-tree inventory (notes)</source>
        <translation>Inventario de árboles de sombra (notas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="174"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="175"/>
        <source>Previous use</source>
        <translation>Uso anterior</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="176"/>
        <source>Source of the information</source>
        <translation>Fuente de la información</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="54"/>
        <source>“%1” is ambiguous: write 1250 or 1,25</source>
        <translation>«%1» es ambiguo: escriba 1250 o 1,25</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="56"/>
        <source>“%1” is not a number</source>
        <translation>«%1» no es un número</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="59"/>
        <source>“%1” must be a whole number</source>
        <translation>«%1» debe ser un número entero</translation>
    </message>
</context>
<context>
    <name>hints</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="68"/>
        <source>Full name of the cooperative, as on its documents.</source>
        <translation>Nombre completo de la cooperativa, como en sus documentos.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="70"/>
        <source>A whole cooperative, or one farm whose results add up into its cooperative.</source>
        <translation>Toda una cooperativa, o una finca cuyos resultados se suman a su cooperativa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="71"/>
        <source>Only when the survey covers a single farm: the producer&apos;s farm name.</source>
        <translation>Solo si la encuesta es de una finca: el nombre de la finca del productor.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="73"/>
        <source>The year the harvest was sold, e.g. 2024.</source>
        <translation>El año en que se vendió la cosecha, por ejemplo 2024.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="74"/>
        <source>Department where the cocoa is grown, e.g. San Martín.</source>
        <translation>Departamento donde se cultiva el cacao, por ejemplo San Martín.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="75"/>
        <source>Who fills in this survey (the focal point).</source>
        <translation>Quién llena esta encuesta (el punto focal).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="76"/>
        <source>Number of producers covered; 1 for a single farm.</source>
        <translation>Número de productores incluidos; 1 si es una finca.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="81"/>
        <source>Hectares of cocoa in production.</source>
        <translation>Hectáreas de cacao en producción.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="83"/>
        <source>Kilograms of dry cocoa delivered in the year. If you only know wet cocoa, leave this empty and fill in the two fields below.</source>
        <translation>Kilos de cacao seco entregados en el año. Si solo conoce el cacao en baba, deje esto vacío y llene los dos campos de abajo.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="85"/>
        <source>Only if dry cocoa is not known: kilograms of wet (baba) cocoa bought in the year.</source>
        <translation>Solo si no se conoce el cacao seco: kilos de cacao en baba comprados en el año.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="87"/>
        <source>Kilograms of dry cocoa per kilogram of wet cocoa (about 0.38).</source>
        <translation>Kilos de cacao seco por kilo de cacao en baba (cerca de 0,38).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="88"/>
        <source>Optional: planting density, e.g. 1,111 at 3 × 3 m.</source>
        <translation>Opcional: densidad de siembra, por ejemplo 1111 a 3 × 3 m.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="89"/>
        <source>Optional: timber or fruit trees giving shade.</source>
        <translation>Opcional: árboles maderables o frutales que dan sombra.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="97"/>
        <source>Percent of the husk by weight. For a whole cooperative, weigh each farm by its production: a plain average of farms is wrong.</source>
        <translation>Porcentaje de la cáscara en peso. Para toda una cooperativa, pondere cada finca por su producción: un promedio simple de fincas es incorrecto.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="104"/>
        <source>How the compost is made, e.g. piles turned every two weeks.</source>
        <translation>Cómo se hace el compost, por ejemplo pilas volteadas cada dos semanas.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="106"/>
        <source>Leave empty to use the factor set&apos;s value (8.5).</source>
        <translation>Déjelo vacío para usar el valor del conjunto de factores (8,5).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="111"/>
        <source>Untick only if there is no information: the factor set&apos;s per-hectare value is then used and the results say so.</source>
        <translation>Desmárquelo solo si no hay información: se usará el valor por hectárea del conjunto de factores y los resultados lo indicarán.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="133"/>
        <source>The usual way of fermenting in this unit.</source>
        <translation>La forma habitual de fermentar en esta unidad.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="134"/>
        <source>Usually 100 %: all the cocoa delivered is fermented.</source>
        <translation>Normalmente 100 %: todo el cacao entregado se fermenta.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="135"/>
        <source>The rest is fermented at the cooperative&apos;s plant.</source>
        <translation>El resto se fermenta en la planta de la cooperativa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="138"/>
        <source>Percent of the cocoa dried each way.</source>
        <translation>Porcentaje del cacao secado de cada forma.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="142"/>
        <source>From the electricity bill of the dryers, if any. Sun drying emits nothing.</source>
        <translation>Del recibo de luz de las secadoras, si las hay. El secado al sol no emite.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="168"/>
        <source>Species and number of shade trees, if counted.</source>
        <translation>Especies y número de árboles de sombra, si se contaron.</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../../cocoa_desktop/gui/workbook_jobs.py" line="35"/>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelado: no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/workbook_jobs.py" line="46"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="45"/>
        <source>Cocoa carbon footprint — San Martín</source>
        <translation>Huella de carbono del cacao — San Martín</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="48"/>
        <source>Campaign / cooperative / survey</source>
        <translation>Campaña / cooperativa / encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="48"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="52"/>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="145"/>
        <source>New campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="53"/>
        <source>New survey</source>
        <translation>Nueva encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="54"/>
        <source>Open / resume</source>
        <translation>Abrir / continuar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="55"/>
        <source>Duplicate into next campaign</source>
        <translation>Duplicar en la campaña siguiente</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="56"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="57"/>
        <source>Load the San Martín 2020 examples</source>
        <translation>Cargar los ejemplos San Martín 2020</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="58"/>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="231"/>
        <source>Export campaign to Excel…</source>
        <translation>Exportar la campaña a Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="59"/>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="253"/>
        <source>Import from Excel…</source>
        <translation>Importar desde Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="68"/>
        <source>The set&apos;s own</source>
        <translation>El del conjunto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="73"/>
        <source>Factor set</source>
        <translation>Conjunto de factores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="74"/>
        <source>GWP set</source>
        <translation>Conjunto de PCG</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="75"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="82"/>
        <source>&amp;Decisions</source>
        <translation>&amp;Decisiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="83"/>
        <source>Carbon credits and sampling plan…</source>
        <translation>Créditos de carbono y plan de muestreo…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="123"/>
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="124"/>
        <source>complete</source>
        <translation>completa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="124"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="126"/>
        <source>conflict to resolve</source>
        <translation>conflicto por resolver</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="127"/>
        <source>whole cooperative</source>
        <translation>toda la cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="145"/>
        <source>Campaign year</source>
        <translation>Año de la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="149"/>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="189"/>
        <source>Campaign %1</source>
        <translation>Campaña %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="198"/>
        <source>Delete survey</source>
        <translation>Borrar encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="199"/>
        <source>Delete this survey and everything typed in it?</source>
        <translation>¿Borrar esta encuesta y todo lo que se escribió en ella?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="223"/>
        <source>Exporting to Excel</source>
        <translation>Exportando a Excel</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="229"/>
        <source>Select a campaign first.</source>
        <translation>Primero seleccione una campaña.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main_window.py" line="249"/>
        <source>Importing from Excel</source>
        <translation>Importando desde Excel</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="58"/>
        <source>Review and results</source>
        <translation>Revisión y resultados</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="81"/>
        <source>Total %1 % — %2 % left to assign</source>
        <translation>Total %1 % — faltan %2 % por asignar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="65"/>
        <source>Organisation and campaign</source>
        <translation>Organización y campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="66"/>
        <source>Who is surveyed, in which campaign, and by whom.</source>
        <translation>A quién se encuesta, en qué campaña y quién encuesta.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="78"/>
        <source>Production and areas</source>
        <translation>Producción y áreas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="79"/>
        <source>How much dry cocoa was delivered, and on how many hectares.</source>
        <translation>Cuánto cacao seco se entregó y en cuántas hectáreas.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="95"/>
        <source>Husk management</source>
        <translation>Manejo de la cáscara</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="96"/>
        <source>What happens to the cocoa pod husk. The shares must add up to 100 %.</source>
        <translation>Qué se hace con la cáscara de la mazorca. Las proporciones deben sumar 100 %.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="108"/>
        <source>Fertilisation, composting and pest control</source>
        <translation>Abonamiento, compostaje y control de plagas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="109"/>
        <source>Every product applied in the year, with its nitrogen content.</source>
        <translation>Cada producto aplicado en el año, con su contenido de nitrógeno.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="132"/>
        <source>Fermentation</source>
        <translation>Fermentación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="132"/>
        <source>How the cocoa is fermented.</source>
        <translation>Cómo se fermenta el cacao.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="137"/>
        <source>Drying</source>
        <translation>Secado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="137"/>
        <source>How the cocoa is dried. The shares must add up to 100 %.</source>
        <translation>Cómo se seca el cacao. Las proporciones deben sumar 100 %.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="147"/>
        <source>Packaging</source>
        <translation>Envasado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="147"/>
        <source>The bags used in the year for the dry cocoa.</source>
        <translation>Los envases usados en el año para el cacao seco.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="155"/>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="156"/>
        <source>Each leg from the farm to the port: trips and one-way distance, or litres if known.</source>
        <translation>Cada tramo de la finca al puerto: viajes y distancia de ida, o litros si se saben.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="165"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="166"/>
        <source>Carbon taken up by the cocoa and its shade trees. Areas by system and age are on the production page.</source>
        <translation>Carbono que fijan el cacao y sus árboles de sombra. Las áreas por sistema y edad están en la página de producción.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="170"/>
        <source>Land-use change</source>
        <translation>Cambio de uso del suelo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="171"/>
        <source>Forest or other land converted to cocoa, with the year if known.</source>
        <translation>Bosque u otras tierras convertidas en cacao, con el año si se conoce.</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="36"/>
        <source>Gross emissions</source>
        <translation>Emisiones brutas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="37"/>
        <source>Sequestration (crop photosynthesis)</source>
        <translation>Secuestro (fotosíntesis del cultivo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="38"/>
        <source>Net emissions</source>
        <translation>Emisiones netas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="75"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="75"/>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="80"/>
        <source>yr</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="80"/>
        <source>kg per kg cocoa</source>
        <translation>kg por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="86"/>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="199"/>
        <source>How was this computed?</source>
        <translation>¿Cómo se calculó?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="89"/>
        <source>Presentation mode (large text)</source>
        <translation>Modo presentación (letra grande)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="93"/>
        <source>Save charts (PNG or SVG)…</source>
        <translation>Guardar gráficos (PNG o SVG)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="111"/>
        <source>Factor set: %1 — GWP %2</source>
        <translation>Conjunto de factores: %1 — PCG %2</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="117"/>
        <source>The survey is not complete yet: go back to the pages with messages.</source>
        <translation>La encuesta aún no está completa: vuelva a las páginas con mensajes.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="143"/>
        <source>Net: %1 kg CO2e per kg of dry cocoa</source>
        <translation>Neto: %1 kg CO2e por kg de cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="145"/>
        <source>Land-use change (reported apart): %1 t CO2e one-off; %2 t CO2e/yr over 20 years</source>
        <translation>Cambio de uso del suelo (aparte): %1 t CO2e de una vez; %2 t CO2e/año repartido en 20 años</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="160"/>
        <source>Share of each stage (%)</source>
        <translation>Participación de cada etapa (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="163"/>
        <source>Emissions</source>
        <translation>Emisiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="163"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="163"/>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="164"/>
        <source>t CO2e per year</source>
        <translation>t CO2e por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="190"/>
        <source>Save charts</source>
        <translation>Guardar gráficos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="202"/>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="202"/>
        <source>Formula</source>
        <translation>Fórmula</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="202"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
</context>
<context>
    <name>sampling</name>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="55"/>
        <source>Producers in the cooperative (N)</source>
        <translation>Productores de la cooperativa (N)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="56"/>
        <source>Confidence (%)</source>
        <translation>Confianza (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="57"/>
        <source>Margin of error (%)</source>
        <translation>Margen de error (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="58"/>
        <source>Expected proportion P (%; 50 if unknown)</source>
        <translation>Proporción esperada P (%; 50 si no se sabe)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="59"/>
        <source>Draw seed (write it down to repeat the draw)</source>
        <translation>Semilla del sorteo (anótela para repetir el sorteo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="72"/>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="109"/>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="113"/>
        <source>District (stratum)</source>
        <translation>Distrito (estrato)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="73"/>
        <source>Producers</source>
        <translation>Productores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="78"/>
        <source>Add district</source>
        <translation>Agregar distrito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="79"/>
        <source>Remove district</source>
        <translation>Quitar distrito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="80"/>
        <source>APROCAM districts (example)</source>
        <translation>Distritos de APROCAM (ejemplo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="81"/>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="145"/>
        <source>Producer list (CSV)…</source>
        <translation>Lista de productores (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="91"/>
        <source>Calculate</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="94"/>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="233"/>
        <source>Save the visit list (CSV)…</source>
        <translation>Guardar la lista de visitas (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="114"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="114"/>
        <source>Producer</source>
        <translation>Productor</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="115"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="171"/>
        <source>District “%1”: “%2” is not a whole number</source>
        <translation>Distrito «%1»: «%2» no es un número entero</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="190"/>
        <source>Enter the population, the confidence and the error.</source>
        <translation>Indique la población, la confianza y el error.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="192"/>
        <source>The districts add up to %1 producers, not %2.</source>
        <translation>Los distritos suman %1 productores, no %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="209"/>
        <source>Survey %1 producers (n = %2, Z = %3, confidence %4)</source>
        <translation>Encuestar a %1 productores (n = %2, Z = %3, confianza %4)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="220"/>
        <source>visit</source>
        <translation>visitar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/sampling_page.py" line="221"/>
        <source>replacement %1</source>
        <translation>reemplazo %1</translation>
    </message>
</context>
<context>
    <name>scenario</name>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="40"/>
        <source>Husk composted (%)</source>
        <translation>Cáscara compostada (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="41"/>
        <source>Jute sacks (% of the kg of bags)</source>
        <translation>Sacos de yute (% de los kg de envases)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="43"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="43"/>
        <source>Net t/yr before</source>
        <translation>Neto t/año antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="44"/>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="45"/>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="243"/>
        <source>after</source>
        <translation>después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="44"/>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="45"/>
        <source>kg/kg before</source>
        <translation>kg/kg antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="62"/>
        <source>The whole campaign</source>
        <translation>Toda la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="66"/>
        <source>Apply to</source>
        <translation>Aplicar a</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="73"/>
        <source>Yield (kg/ha, or a change such as +20 %)</source>
        <translation>Rendimiento (kg/ha, o un cambio como +20 %)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="75"/>
        <source>Area under agroforestry (ha)</source>
        <translation>Área agroforestal (ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="77"/>
        <source>Every transport leg by</source>
        <translation>Todos los tramos de transporte en</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="84"/>
        <source>Replace a fertiliser (same kg and N %)</source>
        <translation>Cambiar un abono (mismos kg y % de N)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="87"/>
        <source>Other changes (PATH=VALUE; …)</source>
        <translation>Otros cambios (RUTA=VALOR; …)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="89"/>
        <source>Scenario name</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="91"/>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="92"/>
        <source>Save with the campaign</source>
        <translation>Guardar con la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="93"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="103"/>
        <source>Saved:</source>
        <translation>Guardados:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="124"/>
        <source>Before and after</source>
        <translation>Antes y después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="125"/>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="137"/>
        <source>Training data: scenarios saved here go when it is reset.</source>
        <translation>Datos de formación: los escenarios guardados aquí se borran al restablecerla.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="142"/>
        <source>unchanged</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="152"/>
        <source>(unchanged)</source>
        <translation>(sin cambio)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="186"/>
        <source>Type at least one change.</source>
        <translation>Escriba al menos un cambio.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="195"/>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="222"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="229"/>
        <source>Stages of the total (t CO2e/yr)</source>
        <translation>Etapas del total (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="241"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="242"/>
        <source>Net kg CO2e per kg of cocoa</source>
        <translation>kg CO2e netos por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="243"/>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="256"/>
        <source>(choose)</source>
        <translation>(elija)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/scenario_editor.py" line="269"/>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="90"/>
        <source>Areas by system and age</source>
        <translation>Áreas por sistema y edad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="114"/>
        <source>Fertilisers and amendments</source>
        <translation>Abonos y enmiendas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="122"/>
        <source>Pesticides</source>
        <translation>Plaguicidas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="127"/>
        <source>Fuel for brush-cutters and sprayers</source>
        <translation>Combustible de motoguadañas y fumigadoras</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="143"/>
        <source>Fuel for dryers</source>
        <translation>Combustible de secadoras</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="148"/>
        <source>Bags</source>
        <translation>Envases</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="157"/>
        <source>Transport legs</source>
        <translation>Tramos de transporte</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="172"/>
        <source>Conversions</source>
        <translation>Conversiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="38"/>
        <source>Add row</source>
        <translation>Agregar fila</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="40"/>
        <source>Remove row</source>
        <translation>Quitar fila</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="95"/>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <location filename="../../cocoa_desktop/gui/training_actions.py" line="20"/>
        <location filename="../../cocoa_desktop/gui/training_actions.py" line="37"/>
        <source>Training campaign</source>
        <translation>Campaña de formación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/training_actions.py" line="28"/>
        <source>Reset the training campaign</source>
        <translation>Restablecer la campaña de formación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/training_actions.py" line="29"/>
        <source>Put the ten training cooperatives back as they were shipped? Every edit, every survey added and every scenario of the workshop in “%1” is deleted.</source>
        <translation>¿Dejar las diez cooperativas de formación como venían? Se borra cada cambio, cada encuesta añadida y cada escenario del taller en «%1».</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/training_actions.py" line="41"/>
        <source>Training campaign reset: %1 surveys as shipped.</source>
        <translation>Campaña de formación restablecida: %1 encuestas como venían.</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="141"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="82"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="85"/>
        <source>kg/yr</source>
        <translation>kg/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="88"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="89"/>
        <source>per ha</source>
        <translation>por ha</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="141"/>
        <source>ha</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="141"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="142"/>
        <source>kg/kg</source>
        <translation>kg/kg</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="142"/>
        <source>% N</source>
        <translation>% N</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="143"/>
        <source>kWh/yr</source>
        <translation>kWh/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="143"/>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="143"/>
        <source>l</source>
        <translation>l</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="144"/>
        <source>kg/ha</source>
        <translation>kg/ha</translation>
    </message>
</context>
<context>
    <name>wizard</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="21"/>
        <source>Carbon footprint survey</source>
        <translation>Encuesta de huella de carbono</translation>
    </message>
</context>
</TS>
