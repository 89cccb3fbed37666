import { Create, Loading, SimpleForm, useGetIdentity } from 'react-admin';
import { CadreInputs } from './cadre-inputs';

export const CadreCreate = () => {
    const { identity, isPending } = useGetIdentity();
    if (isPending) return <Loading />;
    // a township officer records cadres of their own township
    const defaultValues = {
        townshipId: identity?.townshipId ?? undefined,
        villageId: identity?.villageId ?? undefined,
        partyMember: false,
        newlyElected: false,
        isMentor: false,
        positions: [],
    };
    return (
        <Create redirect="show">
            <SimpleForm defaultValues={defaultValues}>
                <CadreInputs />
            </SimpleForm>
        </Create>
    );
};
